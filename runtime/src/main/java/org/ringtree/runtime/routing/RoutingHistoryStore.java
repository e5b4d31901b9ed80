package org.ringtree.runtime.routing;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.routing.BidHistory;
import org.ringtree.rules.routing.PerformanceStats;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What routing remembers between calls: each route node's round-robin position, each target's
 * recent calls, conversions and revenue (read from the call feature's table), and each RTB target's
 * recent pings (read from the calls' routing trace) for the auction's early close.
 */
@Repository
@Store(
    owns = "rotation_counters",
    reads = {"calls", "routing_trace"})
class RoutingHistoryStore {

  private final JdbcClient jdbc;

  RoutingHistoryStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Each target's calls, conversions and revenue since {@code since}; absent without history. */
  Map<String, PerformanceStats> performance(List<Target> targets, Instant since) {
    Map<String, PerformanceStats> stats = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT target_id, count(*), count(*) FILTER (WHERE converted),"
                + " coalesce(sum(revenue), 0) FROM calls WHERE target_id = ANY(?)"
                + " AND started_at > ? GROUP BY target_id")
        .params(targets.stream().map(Target::id).toArray(String[]::new), Timestamp.from(since))
        .query(
            (rs, i) ->
                stats.put(
                    rs.getString(1),
                    new PerformanceStats(rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4))))
        .list();
    return stats;
  }

  /**
   * Each target's last {@code lastPings} pings since {@code since}, answer by answer: how many were
   * sent, how long each answer took (in time, past its cut-off, or after the auction closed) and
   * each bid it made ({@link BidHistory#ofSamples}), for the early close's highest-bid,
   * bid-quantile and expected-gain rules. Absent without pings.
   */
  Map<String, BidHistory> bidHistory(List<String> targetIds, Instant since, int lastPings) {
    Map<String, BidHistory> out = new LinkedHashMap<>();
    String answered =
        "(p.outcome IN ('ACCEPTED', 'DECLINED', 'LATE_ANSWER')"
            + " OR (p.outcome = 'TIMEOUT' AND p.http_status IS NOT NULL))"
            + " AND p.latency_ms IS NOT NULL";
    // one row per target with its samples as two arrays: the partial index on (target_id,
    // created_at) WHERE kind = 'ping' serves each target's newest rows
    jdbc.sql(
            "SELECT t.id, count(*) FILTER (WHERE p.outcome <> 'LATE_ANSWER'),"
                + " array_agg(p.latency_ms) FILTER (WHERE "
                + answered
                + "), array_agg(p.bid_amount) FILTER (WHERE "
                + answered
                + " AND p.bid_amount IS NOT NULL)"
                + " FROM unnest(?::text[]) AS t(id) CROSS JOIN LATERAL"
                + " (SELECT r.outcome, r.http_status, r.latency_ms, r.bid_amount"
                + " FROM routing_trace r WHERE r.kind = 'ping' AND r.target_id = t.id"
                + " AND r.created_at > ? ORDER BY r.created_at DESC LIMIT ?) p"
                + " GROUP BY t.id")
        .params(targetIds.toArray(String[]::new), Timestamp.from(since), Math.max(1, lastPings))
        .query(
            (rs, i) ->
                out.put(
                    rs.getString(1),
                    BidHistory.ofSamples(
                        rs.getLong(2), durations(rs.getArray(3)), amounts(rs.getArray(4)))))
        .list();
    return out;
  }

  private static List<Duration> durations(java.sql.Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    List<Duration> out = new ArrayList<>();
    for (Object millis : (Object[]) array.getArray()) {
      out.add(Duration.ofMillis(((Number) millis).longValue()));
    }
    return out;
  }

  private static List<BigDecimal> amounts(java.sql.Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    List<BigDecimal> out = new ArrayList<>();
    for (Object amount : (Object[]) array.getArray()) {
      out.add((BigDecimal) amount);
    }
    return out;
  }

  /** The next value of a round-robin counter (node ids repeat across flows: the scope has both). */
  long nextRotation(String scope) {
    return jdbc.sql(
            "INSERT INTO rotation_counters (scope, value) VALUES (?, 1) ON CONFLICT (scope)"
                + " DO UPDATE SET value = rotation_counters.value + 1 RETURNING value")
        .param(scope)
        .query(Long.class)
        .single();
  }
}
