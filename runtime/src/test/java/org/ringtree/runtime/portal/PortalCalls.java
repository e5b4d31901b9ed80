package org.ringtree.runtime.portal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Inserts an ended call with its buyer's charge and its publisher's payout in the ledger. */
final class PortalCalls {

  private final JdbcClient jdbc;

  PortalCalls(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A billable call started at {@code startedAt}; returns its id. */
  UUID call(
      String sid,
      String publisher,
      String buyer,
      String revenue,
      String payout,
      Instant startedAt,
      boolean billable) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                + " caller_number, caller_state, phase, provider_status, started_at, buyer_id,"
                + " revenue, payout, talk_seconds, billable_to_buyer, payable_to_publisher)"
                + " VALUES (?, ?, '+18885550101', 'pi-accidents', ?, '+13105550000', 'CA',"
                + " 'ENDED', 'completed', ?, ?, ?, ?, 120, ?, ?)")
        .params(
            id,
            sid,
            publisher,
            Timestamp.from(startedAt),
            buyer,
            billable ? new BigDecimal(revenue) : BigDecimal.ZERO,
            billable ? new BigDecimal(payout) : BigDecimal.ZERO,
            billable,
            billable)
        .update();
    if (billable) {
      ledger(id, "REVENUE", "BUYER", buyer, revenue);
      ledger(id, "PAYOUT", "PUBLISHER", publisher, payout);
    }
    return id;
  }

  private void ledger(UUID call, String kind, String party, String partyId, String amount) {
    jdbc.sql(
            "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, campaign_id, amount,"
                + " currency, rule_ref, description) VALUES (?, ?, ?, ?, 'pi-accidents', ?, 'USD',"
                + " 'test', ?)")
        .params(
            call,
            kind,
            party,
            partyId,
            new BigDecimal(amount),
            kind.toLowerCase() + " " + partyId + " " + amount)
        .update();
  }
}
