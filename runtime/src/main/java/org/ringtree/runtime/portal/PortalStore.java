package org.ringtree.runtime.portal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ringtree.runtime.call.CallPhase;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calls and ledger rows of one publisher or one buyer, and nothing else. */
@Repository
@Store(reads = {"calls", "ledger_entries"})
class PortalStore {

  private final JdbcClient jdbc;

  PortalStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A call as its publisher sees it: what it earned, not what the buyer paid. */
  record PublisherCall(
      String callSid,
      Instant startedAt,
      String campaignId,
      String trackingNumber,
      String callerState,
      String status,
      Integer talkSeconds,
      Boolean payable,
      BigDecimal payout,
      String currency) {}

  /** A call as its buyer sees it: what it cost, not what the publisher earned. */
  record BuyerCall(
      String callSid,
      Instant startedAt,
      String campaignId,
      String callerNumber,
      String callerState,
      String status,
      Integer talkSeconds,
      Boolean billable,
      BigDecimal spend,
      String currency) {}

  /** One ledger row of the party: a payout, a charge or an adjustment. */
  record MoneyEntry(
      long id,
      Instant at,
      String callSid,
      String kind,
      BigDecimal amount,
      String currency,
      String description) {}

  private static final String PUBLISHER_CALL =
      "SELECT call_sid, started_at, campaign_id, tracking_number, caller_state, phase,"
          + " talk_seconds, payable_to_publisher, payout, currency, provider_status FROM calls";

  private static final String BUYER_CALL =
      "SELECT call_sid, started_at, campaign_id, caller_number, caller_state, phase,"
          + " talk_seconds, billable_to_buyer, revenue, currency, provider_status FROM calls";

  List<PublisherCall> publisherCalls(String publisherId, Instant from, Instant to, int limit) {
    return jdbc.sql(
            PUBLISHER_CALL
                + " WHERE publisher_id = ? AND started_at >= ? AND started_at < ?"
                + " ORDER BY started_at DESC LIMIT ?")
        .params(publisherId, ts(from, Instant.EPOCH), ts(to, FAR), limit)
        .query(PortalStore::publisherCall)
        .list();
  }

  /** One call of the publisher, found by its id within the publisher's own calls only. */
  Optional<PublisherCall> publisherCall(String publisherId, String callSid) {
    return jdbc.sql(PUBLISHER_CALL + " WHERE call_sid = ? AND publisher_id = ?")
        .params(callSid, publisherId)
        .query(PortalStore::publisherCall)
        .optional();
  }

  List<BuyerCall> buyerCalls(String buyerId, Instant from, Instant to, int limit) {
    return jdbc.sql(
            BUYER_CALL
                + " WHERE buyer_id = ? AND started_at >= ? AND started_at < ?"
                + " ORDER BY started_at DESC LIMIT ?")
        .params(buyerId, ts(from, Instant.EPOCH), ts(to, FAR), limit)
        .query(PortalStore::buyerCall)
        .list();
  }

  /** One call of the buyer, found by its id within the buyer's own calls only. */
  Optional<BuyerCall> buyerCall(String buyerId, String callSid) {
    return jdbc.sql(BUYER_CALL + " WHERE call_sid = ? AND buyer_id = ?")
        .params(callSid, buyerId)
        .query(PortalStore::buyerCall)
        .optional();
  }

  private static PublisherCall publisherCall(ResultSet rs, int row) throws SQLException {
    return new PublisherCall(
        rs.getString(1),
        rs.getTimestamp(2).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        CallPhase.valueOf(rs.getString(6)).shown(rs.getString(11)),
        rs.getObject(7, Integer.class),
        rs.getObject(8, Boolean.class),
        rs.getBigDecimal(9),
        rs.getString(10));
  }

  private static BuyerCall buyerCall(ResultSet rs, int row) throws SQLException {
    return new BuyerCall(
        rs.getString(1),
        rs.getTimestamp(2).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        CallPhase.valueOf(rs.getString(6)).shown(rs.getString(11)),
        rs.getObject(7, Integer.class),
        rs.getObject(8, Boolean.class),
        rs.getBigDecimal(9),
        rs.getString(10));
  }

  /** The party's ledger rows (its payouts or charges and their adjustments), newest first. */
  List<MoneyEntry> ledger(String partyType, String partyId, Instant from, Instant to, int limit) {
    return jdbc.sql(
            "SELECT l.id, l.created_at, c.call_sid, l.kind, l.amount, l.currency, l.description"
                + " FROM ledger_entries l LEFT JOIN calls c ON c.id = l.call_id WHERE"
                + " l.party_type = ? AND l.party_id = ? AND l.created_at >= ? AND l.created_at <"
                + " ? ORDER BY l.id DESC LIMIT ?")
        .params(partyType, partyId, ts(from, Instant.EPOCH), ts(to, FAR), limit)
        .query(
            (rs, i) ->
                new MoneyEntry(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getBigDecimal(5),
                    rs.getString(6),
                    rs.getString(7)))
        .list();
  }

  /** The party's ledger total per currency over the whole period, not just the rows shown. */
  java.util.Map<String, BigDecimal> totals(
      String partyType, String partyId, Instant from, Instant to) {
    java.util.Map<String, BigDecimal> out = new java.util.TreeMap<>();
    jdbc.sql(
            "SELECT currency, sum(amount) FROM ledger_entries WHERE party_type = ? AND party_id ="
                + " ? AND created_at >= ? AND created_at < ? GROUP BY currency")
        .params(partyType, partyId, ts(from, Instant.EPOCH), ts(to, FAR))
        .query((rs, i) -> out.put(rs.getString(1), rs.getBigDecimal(2)))
        .list();
    return out;
  }

  private static final Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

  private static Timestamp ts(Instant i, Instant fallback) {
    return Timestamp.from(i == null ? fallback : i);
  }
}
