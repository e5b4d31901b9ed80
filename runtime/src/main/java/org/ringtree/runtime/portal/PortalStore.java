package org.ringtree.runtime.portal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.runtime.call.CallPhase;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calls and ledger rows of one publisher or one buyer, and nothing else. */
@Repository
@Store(reads = {"calls", "ledger_entries", "disputes"})
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

  /**
   * The id of one of the buyer's calls, named by its call SID or by its id; empty when it is not
   * the buyer's (or does not exist).
   */
  Optional<UUID> buyerCallId(String buyerId, String sidOrId) {
    try {
      UUID id = UUID.fromString(sidOrId);
      return jdbc.sql("SELECT id FROM calls WHERE id = ? AND buyer_id = ?")
          .params(id, buyerId)
          .query(UUID.class)
          .optional();
    } catch (IllegalArgumentException notAnId) {
      return jdbc.sql("SELECT id FROM calls WHERE call_sid = ? AND buyer_id = ?")
          .params(sidOrId, buyerId)
          .query(UUID.class)
          .optional();
    }
  }

  /**
   * A buyer's dispute as the buyer sees it: where it stands, the staff's note when decided, and the
   * credit it brought (what the approval took off the buyer's charges; zero until then).
   */
  record BuyerDispute(
      long id,
      String callSid,
      String reason,
      String state,
      Instant openedAt,
      Instant decidedAt,
      String note,
      BigDecimal credit,
      String currency) {}

  /** The buyer's disputes, newest first. */
  List<BuyerDispute> buyerDisputes(String buyerId, int limit) {
    return jdbc.sql(
            "SELECT d.id, c.call_sid, d.reason, d.state, d.opened_at, d.decided_at, d.note,"
                + " coalesce((SELECT -sum(l.amount) FROM ledger_entries l WHERE l.call_id ="
                + " d.call_id AND l.party_type = 'BUYER' AND l.party_id = d.buyer_id AND"
                + " l.rule_ref = 'dispute-' || d.id), 0), c.currency"
                + " FROM disputes d JOIN calls c ON c.id = d.call_id"
                + " WHERE d.buyer_id = ? ORDER BY d.id DESC LIMIT ?")
        .params(buyerId, limit)
        .query(
            (rs, i) ->
                new BuyerDispute(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(),
                    rs.getString(7),
                    rs.getBigDecimal(8).setScale(2),
                    rs.getString(9) == null ? null : rs.getString(9).trim()))
        .list();
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
