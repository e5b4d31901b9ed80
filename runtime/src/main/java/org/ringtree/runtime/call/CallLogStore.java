package org.ringtree.runtime.call;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The call log: calls filtered and paged newest first by the keyset {@code (started_at, id)}, so a
 * deep page costs what the first one does (an offset would read and discard every row before it).
 * The export streams the same rows through a server-side cursor, never holding the set in memory.
 */
@Repository
@Store(reads = {"calls", "campaigns", "publishers", "buyers", "targets"})
public class CallLogStore {

  /** Rows the export reads from the database per round trip. */
  static final int EXPORT_FETCH_SIZE = 1000;

  private static final String COLUMNS =
      "c.id, c.call_sid, c.started_at, c.ended_at, c.phase, c.provider_status, c.campaign_id,"
          + " cp.name AS"
          + " campaign_name, c.publisher_id, p.name AS publisher_name, c.tracking_number,"
          + " c.caller_number, c.caller_state, c.caller_zip, c.target_id, t.name AS target_name,"
          + " c.buyer_id, b.name AS buyer_name, c.total_seconds, c.talk_seconds, c.revenue,"
          + " c.payout, c.currency, c.billable_to_buyer, c.payable_to_publisher, c.duplicate,"
          + " c.converted, c.recording_url IS NOT NULL AS has_recording";

  // names for the log's columns; LEFT JOINs on primary keys, a handful of index probes per page
  private static final String FROM =
      " FROM calls c LEFT JOIN campaigns cp ON cp.id = c.campaign_id"
          + " LEFT JOIN publishers p ON p.id = c.publisher_id"
          + " LEFT JOIN targets t ON t.id = c.target_id LEFT JOIN buyers b ON b.id = c.buyer_id";

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  CallLogStore(JdbcTemplate jdbc, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.tx = tx;
  }

  /**
   * Which calls to list; null fields do not filter. {@code from} inclusive, {@code to} exclusive.
   * {@code statuses} empty: every status.
   */
  public record Filter(
      Instant from,
      Instant to,
      String campaignId,
      String publisherId,
      String buyerId,
      String targetId,
      String trackingNumber,
      String callerNumber,
      List<String> statuses,
      Boolean billable,
      Boolean duplicate,
      Boolean hasRecording,
      Boolean qualified,
      Boolean connected,
      Boolean converted) {

    public Filter {
      statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    /** A filter without the qualified, connected and converted flags. */
    public Filter(
        Instant from,
        Instant to,
        String campaignId,
        String publisherId,
        String buyerId,
        String targetId,
        String trackingNumber,
        String callerNumber,
        List<String> statuses,
        Boolean billable,
        Boolean duplicate,
        Boolean hasRecording) {
      this(
          from,
          to,
          campaignId,
          publisherId,
          buyerId,
          targetId,
          trackingNumber,
          callerNumber,
          statuses,
          billable,
          duplicate,
          hasRecording,
          null,
          null,
          null);
    }

    public static final Filter ALL =
        new Filter(null, null, null, null, null, null, null, null, List.of(), null, null, null);
  }

  /** Where a page ends: the last row's start and id; the next page starts after it. */
  public record Cursor(Instant startedAt, UUID id) {}

  /** One line of the call log. */
  public record Row(
      UUID id,
      String callSid,
      Instant startedAt,
      Instant endedAt,
      String status,
      String campaignId,
      String campaignName,
      String publisherId,
      String publisherName,
      String trackingNumber,
      String callerNumber,
      String callerState,
      String callerZip,
      String targetId,
      String targetName,
      String buyerId,
      String buyerName,
      Integer totalSeconds,
      Integer talkSeconds,
      BigDecimal revenue,
      BigDecimal payout,
      String currency,
      Boolean billable,
      Boolean payable,
      boolean duplicate,
      boolean converted,
      boolean hasRecording) {

    public Cursor cursor() {
      return new Cursor(startedAt, id);
    }
  }

  /** A page of the log and where the next one starts (null: this was the last). */
  public record Page(List<Row> rows, Cursor next) {}

  /** Up to {@code limit} calls after {@code after} (null: from the newest), newest first. */
  public Page page(Filter filter, Cursor after, int limit) {
    List<Object> params = new ArrayList<>();
    String sql =
        "SELECT "
            + COLUMNS
            + FROM
            + where(filter, after, params)
            + " ORDER BY c.started_at DESC, c.id DESC LIMIT ?";
    // one more than asked tells whether there is a next page without counting
    params.add(limit + 1);
    List<Row> rows = jdbc.query(sql, (rs, i) -> row(rs), params.toArray());
    if (rows.size() <= limit) {
      return new Page(rows, null);
    }
    List<Row> page = rows.subList(0, limit);
    return new Page(List.copyOf(page), page.get(limit - 1).cursor());
  }

  /**
   * Every call the filter matches, newest first, handed to {@code each} as it is read. Runs in a
   * read-only transaction because PostgreSQL's driver only uses a cursor (the fetch size) when
   * auto-commit is off; otherwise it would read the whole result into memory first.
   */
  public void export(Filter filter, Consumer<Row> each) {
    List<Object> params = new ArrayList<>();
    String sql =
        "SELECT "
            + COLUMNS
            + FROM
            + where(filter, null, params)
            + " ORDER BY c.started_at DESC, c.id DESC";
    TransactionTemplate readOnly = new TransactionTemplate(tx.getTransactionManager(), tx);
    readOnly.setReadOnly(true);
    readOnly.executeWithoutResult(
        s ->
            jdbc.query(
                con -> {
                  PreparedStatement ps =
                      con.prepareStatement(
                          sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                  ps.setFetchSize(EXPORT_FETCH_SIZE);
                  for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                  }
                  return ps;
                },
                rs -> {
                  each.accept(row(rs));
                }));
  }

  /** The WHERE clause for the filter and cursor, its values appended to {@code params}. */
  private static String where(Filter f, Cursor after, List<Object> params) {
    List<String> terms = new ArrayList<>();
    if (f.from() != null) {
      terms.add("c.started_at >= ?");
      params.add(Timestamp.from(f.from()));
    }
    if (f.to() != null) {
      terms.add("c.started_at < ?");
      params.add(Timestamp.from(f.to()));
    }
    equal(terms, params, "c.campaign_id", f.campaignId());
    equal(terms, params, "c.publisher_id", f.publisherId());
    equal(terms, params, "c.buyer_id", f.buyerId());
    equal(terms, params, "c.target_id", f.targetId());
    equal(terms, params, "c.tracking_number", f.trackingNumber());
    equal(terms, params, "c.caller_number", f.callerNumber());
    if (!f.statuses().isEmpty()) {
      terms.add(statusIn(f.statuses(), params));
    }
    if (f.billable() != null) {
      terms.add(f.billable() ? "c.billable_to_buyer" : "c.billable_to_buyer IS NOT TRUE");
    }
    if (f.duplicate() != null) {
      terms.add(f.duplicate() ? "c.duplicate" : "NOT c.duplicate");
    }
    if (f.hasRecording() != null) {
      terms.add(f.hasRecording() ? "c.recording_url IS NOT NULL" : "c.recording_url IS NULL");
    }
    // qualified as the dashboard counts it: the call passed the IVR and reached a route node
    if (f.qualified() != null) {
      terms.add(f.qualified() ? "c.routed_at IS NOT NULL" : "c.routed_at IS NULL");
    }
    if (f.connected() != null) {
      terms.add(f.connected() ? "c.connected_at IS NOT NULL" : "c.connected_at IS NULL");
    }
    if (f.converted() != null) {
      terms.add(f.converted() ? "c.converted" : "NOT c.converted");
    }
    if (after != null) {
      // the first term lets an index on started_at alone bound the scan; the second breaks ties
      terms.add("c.started_at <= ? AND (c.started_at, c.id) < (?, ?)");
      params.add(Timestamp.from(after.startedAt()));
      params.add(Timestamp.from(after.startedAt()));
      params.add(after.id());
    }
    return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
  }

  /**
   * The status users see is the phase's label, or the provider's status once the call ended ({@link
   * CallPhase#shown}): each label asked for is one or the other.
   */
  private static String statusIn(List<String> statuses, List<Object> params) {
    List<String> phases = new ArrayList<>();
    List<String> provider = new ArrayList<>();
    for (String status : statuses) {
      CallPhase.labelled(status)
          .ifPresentOrElse(p -> phases.add(p.name()), () -> provider.add(status));
    }
    List<String> any = new ArrayList<>();
    if (!phases.isEmpty()) {
      any.add("c.phase IN (" + String.join(", ", phases.stream().map(s -> "?").toList()) + ")");
      params.addAll(phases);
    }
    if (!provider.isEmpty()) {
      any.add(
          "(c.phase = 'ENDED' AND c.provider_status IN ("
              + String.join(", ", provider.stream().map(s -> "?").toList())
              + "))");
      params.addAll(provider);
    }
    return "(" + String.join(" OR ", any) + ")";
  }

  private static void equal(List<String> terms, List<Object> params, String column, String value) {
    if (value != null) {
      terms.add(column + " = ?");
      params.add(value);
    }
  }

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getString("call_sid"),
        CallColumns.instant(rs, "started_at"),
        CallColumns.instant(rs, "ended_at"),
        CallPhase.valueOf(rs.getString("phase")).shown(rs.getString("provider_status")),
        rs.getString("campaign_id"),
        rs.getString("campaign_name"),
        rs.getString("publisher_id"),
        rs.getString("publisher_name"),
        rs.getString("tracking_number"),
        rs.getString("caller_number"),
        rs.getString("caller_state"),
        rs.getString("caller_zip"),
        rs.getString("target_id"),
        rs.getString("target_name"),
        rs.getString("buyer_id"),
        rs.getString("buyer_name"),
        (Integer) rs.getObject("total_seconds"),
        (Integer) rs.getObject("talk_seconds"),
        rs.getBigDecimal("revenue"),
        rs.getBigDecimal("payout"),
        rs.getString("currency"),
        (Boolean) rs.getObject("billable_to_buyer"),
        (Boolean) rs.getObject("payable_to_publisher"),
        rs.getBoolean("duplicate"),
        rs.getBoolean("converted"),
        rs.getBoolean("has_recording"));
  }
}
