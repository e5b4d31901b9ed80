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
@Store(
    reads = {
      "calls",
      "ledger_entries",
      "disputes",
      "publishers",
      "buyers",
      "campaigns",
      "targets",
      "tracking_numbers"
    })
class PortalStore {

  private final JdbcClient jdbc;
  private final org.springframework.jdbc.core.JdbcTemplate template;
  private final org.springframework.transaction.support.TransactionTemplate tx;

  PortalStore(
      JdbcClient jdbc,
      org.springframework.jdbc.core.JdbcTemplate template,
      org.springframework.transaction.support.TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.template = template;
    this.tx = tx;
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

  // ---- the console's portal screens (ConsolePublisherPortal, ConsoleBuyerPortal) ----

  /** The party's display name (its id when it has none). */
  Optional<String> partyName(String partyType, String partyId) {
    String table = "PUBLISHER".equals(partyType) ? "publishers" : "buyers";
    return jdbc.sql("SELECT name FROM " + table + " WHERE id = ?")
        .param(partyId)
        .query(String.class)
        .optional();
  }

  /** A party's calls over a period, how many of them were billable (payable), and its money. */
  record Figures(long calls, long billable, java.util.Map<String, BigDecimal> money) {}

  Figures figures(String partyType, String partyId, Instant from, Instant to) {
    boolean publisher = "PUBLISHER".equals(partyType);
    String flag = publisher ? "payable_to_publisher" : "billable_to_buyer";
    String party = publisher ? "publisher_id" : "buyer_id";
    long[] counts =
        jdbc.sql(
                "SELECT count(*), count(*) FILTER (WHERE "
                    + flag
                    + ") FROM calls WHERE "
                    + party
                    + " = ? AND started_at >= ? AND started_at < ?")
            .params(partyId, ts(from, Instant.EPOCH), ts(to, FAR))
            .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
            .single();
    return new Figures(counts[0], counts[1], totals(partyType, partyId, from, to));
  }

  /** One call as a portal's grid shows it, before the party's privacy rules are applied. */
  record PortalCall(
      String callSid,
      Instant startedAt,
      String campaign,
      String trackingNumber,
      String callerNumber,
      String callerState,
      String buyer,
      String target,
      String status,
      Integer talkSeconds,
      Boolean billable,
      BigDecimal amount,
      String currency,
      boolean recorded) {}

  private static final String PORTAL_CALL =
      "SELECT c.call_sid, c.started_at, coalesce(cp.name, c.campaign_id), c.tracking_number,"
          + " c.caller_number, c.caller_state, coalesce(b.name, c.buyer_id),"
          + " coalesce(t.name, c.target_id), c.phase, c.provider_status, c.talk_seconds,"
          + " %s, %s, c.currency,"
          + " (c.recording_sid IS NOT NULL OR c.recording_url IS NOT NULL)"
          + " FROM calls c LEFT JOIN campaigns cp ON cp.id = c.campaign_id"
          + " LEFT JOIN buyers b ON b.id = c.buyer_id LEFT JOIN targets t ON t.id = c.target_id";

  /** The columns of one party's calls: its own flag and amount, never the other side's. */
  private static String portalCallSql(String partyType) {
    return "PUBLISHER".equals(partyType)
        ? PORTAL_CALL.formatted("c.payable_to_publisher", "c.payout") + " WHERE c.publisher_id = ?"
        : PORTAL_CALL.formatted("c.billable_to_buyer", "c.revenue") + " WHERE c.buyer_id = ?";
  }

  /** A page of the party's calls, newest first. */
  List<PortalCall> portalCalls(String partyType, String partyId, int offset, int limit) {
    return jdbc.sql(portalCallSql(partyType) + " ORDER BY c.started_at DESC, c.id LIMIT ? OFFSET ?")
        .params(partyId, limit, offset)
        .query(PortalStore::portalCallRow)
        .list();
  }

  int portalCallCount(String partyType, String partyId) {
    String party = "PUBLISHER".equals(partyType) ? "publisher_id" : "buyer_id";
    return jdbc.sql("SELECT count(*) FROM calls WHERE " + party + " = ?")
        .param(partyId)
        .query(Integer.class)
        .single();
  }

  /** One of the party's calls by its SID; empty for anyone else's. */
  Optional<PortalCall> portalCall(String partyType, String partyId, String callSid) {
    return jdbc.sql(portalCallSql(partyType) + " AND c.call_sid = ?")
        .params(partyId, callSid)
        .query(PortalStore::portalCallRow)
        .optional();
  }

  /**
   * Every call of the party, newest first, one row at a time: a read-only transaction with a fetch
   * size makes PostgreSQL send them in batches, so a large export never sits in memory.
   */
  void eachPortalCall(
      String partyType, String partyId, java.util.function.Consumer<PortalCall> row) {
    String sql = portalCallSql(partyType) + " ORDER BY c.started_at DESC, c.id";
    var readOnly =
        new org.springframework.transaction.support.TransactionTemplate(
            tx.getTransactionManager(), tx);
    readOnly.setReadOnly(true);
    readOnly.executeWithoutResult(
        s ->
            template.query(
                con -> {
                  var ps =
                      con.prepareStatement(
                          sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                  ps.setFetchSize(1000);
                  ps.setString(1, partyId);
                  return ps;
                },
                (org.springframework.jdbc.core.RowCallbackHandler)
                    rs -> row.accept(portalCallRow(rs, 0))));
  }

  private static PortalCall portalCallRow(ResultSet rs, int row) throws SQLException {
    return new PortalCall(
        rs.getString(1),
        rs.getTimestamp(2).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        CallPhase.valueOf(rs.getString(9)).shown(rs.getString(10)),
        rs.getObject(11, Integer.class),
        rs.getObject(12, Boolean.class),
        rs.getBigDecimal(13),
        rs.getString(14) == null ? null : rs.getString(14).trim(),
        rs.getBoolean(15));
  }

  /** A tracking number of the publisher and its campaign. */
  record OwnNumber(String number, String campaignId, String campaignName, boolean inService) {}

  List<OwnNumber> publisherNumbers(String publisherId) {
    return jdbc.sql(
            "SELECT n.number, n.campaign_id, coalesce(cp.name, n.campaign_id), n.enabled"
                + " FROM tracking_numbers n LEFT JOIN campaigns cp ON cp.id = n.campaign_id"
                + " WHERE n.publisher_id = ? ORDER BY cp.name, n.number")
        .param(publisherId)
        .query(
            (rs, i) ->
                new OwnNumber(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
        .list();
  }

  /**
   * The party's ledger rows summed per day (in {@code zone}) and per key: for a publisher the
   * campaign and the rule that booked each row; for a buyer the target of the call.
   */
  record MoneyLine(
      java.time.LocalDate day,
      String keyId,
      String keyName,
      String rule,
      long entries,
      BigDecimal amount,
      String currency) {}

  List<MoneyLine> payoutLines(String publisherId, Instant from, Instant to, String zone) {
    return jdbc.sql(
            "SELECT (l.created_at AT TIME ZONE ?)::date, l.campaign_id,"
                + " coalesce(cp.name, l.campaign_id), l.rule_ref, count(*), sum(l.amount),"
                + " l.currency FROM ledger_entries l LEFT JOIN campaigns cp ON cp.id ="
                + " l.campaign_id WHERE l.party_type = 'PUBLISHER' AND l.party_id = ? AND"
                + " l.created_at >= ? AND l.created_at < ? GROUP BY 1, 2, 3, 4, 7"
                + " ORDER BY 1 DESC, 3, 4")
        .params(zone, publisherId, ts(from, Instant.EPOCH), ts(to, FAR))
        .query(PortalStore::moneyLine)
        .list();
  }

  List<MoneyLine> spendLines(String buyerId, Instant from, Instant to, String zone) {
    return jdbc.sql(
            "SELECT (l.created_at AT TIME ZONE ?)::date, c.target_id,"
                + " coalesce(t.name, c.target_id, '(no target)'), NULL, count(*), sum(l.amount),"
                + " l.currency FROM ledger_entries l LEFT JOIN calls c ON c.id = l.call_id"
                + " LEFT JOIN targets t ON t.id = c.target_id WHERE l.party_type = 'BUYER' AND"
                + " l.party_id = ? AND l.created_at >= ? AND l.created_at < ?"
                + " GROUP BY 1, 2, 3, 7 ORDER BY 1 DESC, 3")
        .params(zone, buyerId, ts(from, Instant.EPOCH), ts(to, FAR))
        .query(PortalStore::moneyLine)
        .list();
  }

  private static MoneyLine moneyLine(ResultSet rs, int row) throws SQLException {
    return new MoneyLine(
        rs.getObject(1, java.time.LocalDate.class),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getBigDecimal(6),
        rs.getString(7).trim());
  }

  /** A target of the buyer and whether it takes calls. */
  record OwnTarget(String id, String name, boolean active) {}

  List<OwnTarget> buyerTargets(String buyerId) {
    return jdbc.sql("SELECT id, name, enabled FROM targets WHERE buyer_id = ? ORDER BY name, id")
        .param(buyerId)
        .query((rs, i) -> new OwnTarget(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
        .list();
  }

  /** The target if it is the buyer's own; empty for another buyer's target or none. */
  Optional<OwnTarget> buyerTarget(String buyerId, String targetId) {
    return jdbc.sql("SELECT id, name, enabled FROM targets WHERE buyer_id = ? AND id = ?")
        .params(buyerId, targetId)
        .query((rs, i) -> new OwnTarget(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
        .optional();
  }

  /** What each publisher's portal shows, for the operators' screen. */
  record PublisherPrivacy(
      String publisherId, String name, boolean showsCallerNumber, boolean showsBuyerNames) {}

  List<PublisherPrivacy> portalPrivacy() {
    return jdbc.sql(
            "SELECT id, name, portal_shows_caller_number, portal_shows_buyer_names"
                + " FROM publishers ORDER BY name, id")
        .query(
            (rs, i) ->
                new PublisherPrivacy(
                    rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4)))
        .list();
  }

  private static final Instant FAR = Instant.parse("9999-01-01T00:00:00Z");

  private static Timestamp ts(Instant i, Instant fallback) {
    return Timestamp.from(i == null ? fallback : i);
  }
}
