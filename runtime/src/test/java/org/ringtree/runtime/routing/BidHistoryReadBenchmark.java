package org.ringtree.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ringtree.rules.routing.BidHistory;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a route node with 20 RTB targets pays to read their bid histories for the early close
 * (docs/rtb.md, "The history the rules read"): each target has {@code history.bench.calls} pings in
 * the look-back (default 2,000, so the newest-1,000 limit bites), one per call, beside a decision
 * line per call; the read is timed uncached and through {@link BidHistoryCache}. Run with
 * -Dhistory.bench=true (docs/benchmarks.md, "Bid history read").
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "ringtree.demo.seed=false")
@EnabledIfSystemProperty(named = "history.bench", matches = "true")
class BidHistoryReadBenchmark extends PostgresTest {

  private static final int TARGETS = 20;

  @Autowired RoutingHistoryStore history;
  @Autowired BidHistoryCache cache;
  @Autowired JdbcClient jdbc;

  @Test
  void readsTwentyTargetsNewestThousandPings() {
    int calls = Integer.getInteger("history.bench.calls", 2_000);
    int reads = Integer.getInteger("history.bench.reads", 1_000);
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, caller_number, phase,"
                + " provider_status, started_at) SELECT gen_random_uuid(), 'HIST' || g,"
                + " '+18885550101', '+13105550100', 'ENDED', 'completed',"
                + " now() - g * interval '4 minutes' FROM generate_series(1, ?) g")
        .param(calls)
        .update();
    // per call: a ping line for each target (answer 20 ms–2 s, 7 in 10 bid), then a decision line
    jdbc.sql(
            "INSERT INTO routing_trace (call_id, seq, node_id, target_id, kind, outcome, reason,"
                + " bid_amount, latency_ms, http_status, created_at)"
                + " SELECT c.id, t, 'route', 'bench-' || t, 'ping',"
                + " CASE WHEN (g + t) % 10 < 7 THEN 'ACCEPTED' ELSE 'DECLINED' END, 'bench',"
                + " CASE WHEN (g + t) % 10 < 7 THEN 10 + (g * 7 + t * 13) % 50 END,"
                + " 20 + (t * 100 + g % 97) % 1980, 200, c.started_at"
                + " FROM (SELECT id, started_at, row_number() OVER (ORDER BY call_sid) AS g"
                + " FROM calls WHERE call_sid LIKE 'HIST%') c, generate_series(1, ?) t")
        .param(TARGETS)
        .update();
    jdbc.sql(
            "INSERT INTO routing_trace (call_id, seq, node_id, kind, outcome, reason, created_at)"
                + " SELECT id, 100, 'route', 'decision', 'WINNER', 'bench', started_at FROM calls"
                + " WHERE call_sid LIKE 'HIST%'")
        .update();
    jdbc.sql("ANALYZE routing_trace").update();
    List<String> ids = new ArrayList<>();
    for (int t = 1; t <= TARGETS; t++) {
      ids.add("bench-" + t);
    }
    Instant since = Instant.now().minus(Duration.ofDays(7));
    Map<String, BidHistory> read = history.bidHistory(ids, since, 1000);
    assertThat(read).hasSize(TARGETS);
    assertThat(read.get("bench-1").pings()).isEqualTo(Math.min(1000, calls));

    long[] uncached = time(reads, () -> history.bidHistory(ids, since, 1000));
    long[] cached = time(reads, () -> cache.bidHistory(ids, since, 1000));
    String report =
        String.format(
            Locale.ROOT,
            "bid history read, %d targets x newest %d pings (%d pings each in the look-back),"
                + " %d reads after %d warm-up:%n  uncached  p50 %.2f ms  p99 %.2f ms  mean %.2f ms%n"
                + "  cached    p50 %.4f ms  p99 %.4f ms  mean %.4f ms%n",
            TARGETS,
            1000,
            calls,
            reads,
            reads / 10,
            ms(uncached, 0.50),
            ms(uncached, 0.99),
            mean(uncached),
            ms(cached, 0.50),
            ms(cached, 0.99),
            mean(cached));
    System.out.print(report);
  }

  private static long[] time(int reads, Runnable read) {
    for (int i = 0; i < reads / 10; i++) {
      read.run();
    }
    long[] nanos = new long[reads];
    for (int i = 0; i < reads; i++) {
      long t0 = System.nanoTime();
      read.run();
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static double ms(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  private static double mean(long[] nanos) {
    return Arrays.stream(nanos).average().orElse(0) / 1e6;
  }
}
