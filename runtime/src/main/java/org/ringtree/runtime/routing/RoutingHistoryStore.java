package org.ringtree.runtime.routing;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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
   * Each target's pings since {@code since}: how many, how many it answered (in time, past its
   * cut-off, or after the auction closed), its highest bid and its slowest answer. Absent without
   * pings.
   */
  Map<String, BidHistory> bidHistory(List<String> targetIds, Instant since) {
    Map<String, BidHistory> out = new LinkedHashMap<>();
    String answered =
        "(outcome IN ('ACCEPTED', 'DECLINED', 'LATE_ANSWER')"
            + " OR (outcome = 'TIMEOUT' AND http_status IS NOT NULL))";
    jdbc.sql(
            "SELECT target_id, count(*) FILTER (WHERE outcome <> 'LATE_ANSWER'),"
                + " count(*) FILTER (WHERE "
                + answered
                + "), max(bid_amount) FILTER (WHERE "
                + answered
                + "), max(latency_ms) FILTER (WHERE "
                + answered
                + ") FROM routing_trace WHERE kind = 'ping' AND target_id = ANY(?)"
                + " AND created_at > ? GROUP BY target_id")
        .params(targetIds.toArray(String[]::new), Timestamp.from(since))
        .query(
            (rs, i) -> {
              long slowestMillis = rs.getLong(5);
              Duration slowest = rs.wasNull() ? null : Duration.ofMillis(slowestMillis);
              return out.put(
                  rs.getString(1),
                  new BidHistory(null, rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4), slowest));
            })
        .list();
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
