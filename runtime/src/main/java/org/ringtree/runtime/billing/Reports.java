package org.ringtree.runtime.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import org.ringtree.runtime.database.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciliation reports from the {@code report_rollup} table, which triggers keep exact on every
 * call change and ledger row (through a queue folded every second and before each report, so the
 * call path never waits on a shared roll-up row; migration V33): per publisher, buyer, campaign,
 * vertical, tracking number, target (V85) or a source tag of the tracking number, per hour, day,
 * week or month in any timezone (the roll-up is kept in quarter hours, so periods start right also
 * where the offset is a half or three quarters of an hour). Calls and their money count in the
 * period the call started in. Grouping and periods come from enums, filters are bound parameters:
 * no request text reaches the SQL.
 */
@Service
@Store(
    owns = {"report_rollup", "report_rollup_pending"},
    reads = {"campaigns", "tracking_numbers"})
public class Reports {

  private static final Logger log = LoggerFactory.getLogger(Reports.class);

  /** The NOTIFY channel that tells every node a call was settled (payload: the call's id). */
  public static final String SETTLED_CHANNEL = "ringtree_call_settled";

  private final JdbcClient jdbc;
  private final JdbcTemplate streaming;
  private final TransactionTemplate tx;

  Reports(JdbcClient jdbc, JdbcTemplate streaming, TransactionTemplate tx) {
    this.jdbc = jdbc;
    this.streaming = streaming;
    this.tx = tx;
  }

  /**
   * Tells every node, after the settlement commits, that the reports changed: the dashboard
   * re-reads on it. A lost notice only delays a dashboard until the next one.
   */
  @TransactionalEventListener(fallbackExecution = true)
  void announceSettled(CallSettled settled) {
    try {
      jdbc.sql("SELECT pg_notify(?, ?)")
          .params(SETTLED_CHANNEL, settled.callId().toString())
          .query()
          .listOfRows();
    } catch (DataAccessException e) {
      log.warn("Could not announce settled call {}: {}", settled.callId(), e.getMessage());
    }
  }

  /** Moves the queued roll-up changes into the roll-up; returns how many there were. */
  public long foldQueuedChanges() {
    return jdbc.sql("SELECT fold_report_rollup()").query(Long.class).single();
  }

  /** Keeps the queue short between reports; every node does it, folds are serialised in SQL. */
  @Scheduled(
      fixedDelayString = "${ringtree.reports.fold-every:1s}",
      initialDelayString = "${ringtree.reports.fold-every:1s}")
  void foldInBackground() {
    try {
      foldQueuedChanges();
    } catch (DataAccessException e) {
      // the next fold, or the next report, picks the queue up; nothing is lost
      log.warn("Folding the report roll-up queue failed: {}", e.getMessage());
    }
  }

  /** What rows are grouped by. */
  public enum Dimension {
    PUBLISHER("r.publisher_id"),
    BUYER("r.buyer_id"),
    CAMPAIGN("r.campaign_id"),
    VERTICAL("coalesce(c.vertical_id, '')"),
    TRACKING_NUMBER("r.tracking_number"),
    TARGET("r.target_id"),
    /** The value of one of the tracking number's source tags ({@link Query#tagKey()}). */
    SOURCE_TAG("coalesce(tn.source_tags ->> ?, '')"),
    NONE("''");

    final String sql;

    Dimension(String sql) {
      this.sql = sql;
    }
  }

  /** How rows are split in time (TOTAL: not at all). */
  public enum Period {
    HOUR,
    DAY,
    WEEK,
    MONTH,
    TOTAL
  }

  /**
   * A report request: [from, to) as instants (quarter hours: the roll-up's buckets), and optional
   * filters (null: any). {@code tagKey} names the source tag a {@link Dimension#SOURCE_TAG} report
   * groups by, and {@code tagValue} keeps only numbers whose tag {@code tagKey} has that value.
   * Source tags are the tracking number's as they are now (they are set per number, not per call).
   */
  public record Query(
      Dimension by,
      Period period,
      Instant from,
      Instant to,
      ZoneId zone,
      String campaignId,
      String publisherId,
      String buyerId,
      String verticalId,
      String trackingNumber,
      String targetId,
      String tagKey,
      String tagValue) {

    public Query {
      if (by == Dimension.SOURCE_TAG && blank(tagKey)) {
        throw new IllegalArgumentException("grouping by source tag needs the tag's name (tag)");
      }
      if (!blank(tagValue) && blank(tagKey)) {
        throw new IllegalArgumentException("a source tag value filter needs the tag's name (tag)");
      }
    }

    /** A query without target or source tag filters. */
    public Query(
        Dimension by,
        Period period,
        Instant from,
        Instant to,
        ZoneId zone,
        String campaignId,
        String publisherId,
        String buyerId,
        String verticalId,
        String trackingNumber) {
      this(
          by,
          period,
          from,
          to,
          zone,
          campaignId,
          publisherId,
          buyerId,
          verticalId,
          trackingNumber,
          null,
          null,
          null);
    }

    boolean needsSourceTags() {
      return by == Dimension.SOURCE_TAG || !blank(tagValue);
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  /** Rows and the totals of all of them, one total per currency. */
  public record Report(Query query, List<ReportRow> rows, List<ReportRow> totals) {}

  public Report run(Query q) {
    foldQueuedChanges();
    return read(q);
  }

  /**
   * The report from the roll-up as it is, without folding the queue first: for a caller that runs
   * several reports after one {@link #foldQueuedChanges()} (the queue is also folded every second).
   */
  public Report read(Query q) {
    List<Object> params = new ArrayList<>();
    String sql = select(q, params);
    List<ReportRow> rows = jdbc.sql(sql).params(params).query((rs, i) -> row(rs)).list();
    Map<String, ReportRow> totals = new TreeMap<>();
    for (ReportRow r : rows) {
      totals.merge(r.currency(), r, ReportRow::plus);
    }
    return new Report(q, rows, ReportRow.totalsOf(totals));
  }

  /** Rows fetched per round trip when a report is streamed: memory stays flat however long. */
  static final int STREAM_FETCH_SIZE = 2_000;

  /**
   * The report as CSV (RFC 4180) written to {@code out} as the database hands the rows over,
   * through a cursor, so a report of a million lines never sits in memory; the TOTAL lines (one per
   * currency) come last. {@code written} hears the number of lines written so far, every {@link
   * #STREAM_FETCH_SIZE} lines and at the end. Folds the queue first, as {@link #run} does.
   *
   * @return the number of report lines written (without the header and TOTAL lines)
   */
  public long csv(Query q, Writer out, LongConsumer written) throws IOException {
    foldQueuedChanges();
    List<Object> params = new ArrayList<>();
    String sql = select(q, params);
    out.write(ReportCsv.HEADER);
    out.write("\r\n");
    Map<String, ReportRow> totals = new TreeMap<>();
    long[] lines = {0};
    TransactionTemplate readOnly = new TransactionTemplate(tx.getTransactionManager(), tx);
    readOnly.setReadOnly(true);
    try {
      readOnly.executeWithoutResult(
          s ->
              streaming.query(
                  con -> {
                    PreparedStatement ps =
                        con.prepareStatement(
                            sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                    ps.setFetchSize(STREAM_FETCH_SIZE);
                    for (int i = 0; i < params.size(); i++) {
                      ps.setObject(i + 1, params.get(i));
                    }
                    return ps;
                  },
                  (RowCallbackHandler)
                      rs -> {
                        ReportRow r = row(rs);
                        totals.merge(r.currency(), r, ReportRow::plus);
                        StringBuilder line = new StringBuilder(160);
                        ReportCsv.line(line, r.key(), r.period(), r);
                        try {
                          out.write(line.toString());
                        } catch (IOException e) {
                          throw new UncheckedIOException(e);
                        }
                        if (++lines[0] % STREAM_FETCH_SIZE == 0) {
                          written.accept(lines[0]);
                        }
                      }));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    StringBuilder end = new StringBuilder();
    for (ReportRow t : ReportRow.totalsOf(totals)) {
      ReportCsv.line(end, "TOTAL", null, t);
    }
    out.write(end.toString());
    out.flush();
    written.accept(lines[0]);
    return lines[0];
  }

  /** The report's SELECT; its bound values are appended to {@code params}. */
  private static String select(Query q, List<Object> params) {
    if (q.by() == Dimension.SOURCE_TAG) {
      params.add(q.tagKey().strip());
    }
    StringBuilder sql =
        new StringBuilder("SELECT ")
            .append(q.by().sql)
            .append(" AS k, ")
            .append(
                q.period() == Period.TOTAL
                    ? "NULL::timestamp"
                    : "date_trunc('"
                        + q.period().name().toLowerCase(Locale.ROOT)
                        + "', r.bucket AT TIME ZONE ?)")
            .append(
                " AS p, r.currency, sum(r.calls), sum(r.connected), sum(r.billable),"
                    + " sum(r.duplicates), sum(r.converted), sum(r.revenue), sum(r.payout),"
                    + " sum(r.cost) FROM report_rollup r LEFT JOIN campaigns c ON c.id = r.campaign_id")
            .append(
                q.needsSourceTags()
                    ? " LEFT JOIN tracking_numbers tn ON tn.number = r.tracking_number"
                    : "")
            .append(" WHERE r.bucket >= ? AND r.bucket < ?");
    if (q.period() != Period.TOTAL) {
      params.add(q.zone().getId());
    }
    params.add(Timestamp.from(q.from()));
    params.add(Timestamp.from(q.to()));
    filter(sql, params, "r.campaign_id", q.campaignId());
    filter(sql, params, "r.publisher_id", q.publisherId());
    filter(sql, params, "r.buyer_id", q.buyerId());
    filter(sql, params, "c.vertical_id", q.verticalId());
    filter(sql, params, "r.tracking_number", q.trackingNumber());
    filter(sql, params, "r.target_id", q.targetId());
    if (q.tagValue() != null && !q.tagValue().isBlank()) {
      sql.append(" AND tn.source_tags ->> ? = ?");
      params.add(q.tagKey().strip());
      params.add(q.tagValue().strip());
    }
    sql.append(" GROUP BY 1, 2, 3 ORDER BY 2 NULLS FIRST, 1, 3");
    return sql.toString();
  }

  private static ReportRow row(ResultSet rs) throws SQLException {
    Timestamp p = rs.getTimestamp(2);
    return ReportRow.of(
        rs.getString(1),
        p == null ? null : p.toLocalDateTime(),
        rs.getString(3).trim(),
        rs.getLong(4),
        rs.getLong(5),
        rs.getLong(6),
        rs.getLong(7),
        rs.getLong(8),
        rs.getBigDecimal(9),
        rs.getBigDecimal(10),
        rs.getBigDecimal(11));
  }

  private static void filter(StringBuilder sql, List<Object> params, String column, String value) {
    if (value != null && !value.isBlank()) {
      sql.append(" AND ").append(column).append(" = ?");
      params.add(value);
    }
  }
}
