package org.ringtree.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ringtree.runtime.security.ApiKeyStore;
import org.ringtree.runtime.support.BenchmarkCalls;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports on 1,000,000 calls: generates them with {@code generate_series} in a fresh benchmark
 * database (the triggers keep the roll-up as they would in production), then times report requests
 * over real HTTP. Gated: runs only with {@code -Dreports.bench=true}; see docs/benchmarks.md
 * ("Reports").
 */
@EnabledIfSystemProperty(named = "reports.bench", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.hikari.connection-init-sql=SET statement_timeout = '1h'")
class ReportsBenchmark extends PostgresTest {

  static final int CALLS = Integer.getInteger("reports.bench.calls", 1_000_000);
  static final int RUNS = Integer.getInteger("reports.bench.runs", 60);
  static final int WARMUP = 10;

  @Autowired JdbcClient jdbc;
  @Autowired ApiKeyStore apiKeys;
  @LocalServerPort int port;

  @Test
  void reportsAnswerWithinHalfASecondAtP95OnAMillionCalls() throws Exception {
    StringBuilder out = new StringBuilder();
    long t0 = System.nanoTime();
    // 90 days of calls from 2026-09-01 UTC; 3 in 4 connect; 60% of those are billable
    BenchmarkCalls.generate(jdbc, CALLS);
    long t1 = System.nanoTime();
    jdbc.sql(
            "INSERT INTO ledger_entries (call_id, kind, party_type, party_id, campaign_id,"
                + " amount, currency, rule_ref, description)"
                + " SELECT id, 'REVENUE', 'BUYER', buyer_id, campaign_id,"
                + " 150 + (talk_seconds % 20) * 10, 'USD', 'bench#buyer-4', 'bench'"
                + " FROM calls WHERE billable_to_buyer"
                + " UNION ALL SELECT id, 'PAYOUT', 'PUBLISHER', publisher_id, campaign_id,"
                + " 120 + (talk_seconds % 7) * 5, 'USD', 'bench#publisher-5', 'bench'"
                + " FROM calls WHERE payable_to_publisher")
        .update();
    jdbc.sql("SELECT fold_report_rollup()").query(Long.class).single();
    long t2 = System.nanoTime();
    jdbc.sql("ANALYZE").update();
    long ledgerRows = jdbc.sql("SELECT count(*) FROM ledger_entries").query(Long.class).single();
    long rollupRows = jdbc.sql("SELECT count(*) FROM report_rollup").query(Long.class).single();
    out.append(
        String.format(
            Locale.ROOT,
            "Generated %,d calls in %.1f s and %,d ledger rows in %.1f s (triggers keeping the"
                + " roll-up); roll-up rows: %,d%n",
            CALLS,
            (t1 - t0) / 1e9,
            ledgerRows,
            (t2 - t1) / 1e9,
            rollupRows));

    Map<String, String> queries = new LinkedHashMap<>();
    queries.put(
        "by campaign per day, 30 days", "by=campaign&period=day&from=2026-11-01&to=2026-12-01");
    queries.put(
        "by publisher per hour, 7 days", "by=publisher&period=hour&from=2026-11-20&to=2026-11-27");
    queries.put("by buyer per week, 90 days", "by=buyer&period=week&from=2026-09-01&to=2026-12-01");
    queries.put(
        "by vertical per month, 90 days", "by=vertical&period=month&from=2026-09-01&to=2026-12-01");
    queries.put(
        "by tracking number per day, 90 days, one publisher",
        "by=tracking_number&period=day&from=2026-09-01&to=2026-12-01&publisher=sunrise-media");
    queries.put(
        "by publisher per day, 90 days, in America/Los_Angeles",
        "by=publisher&period=day&from=2026-09-01&to=2026-12-01&tz=America/Los_Angeles");
    HttpClient http = HttpClient.newHttpClient();
    // an API key, not HTTP Basic: bcrypt on every request would be timed along with the report
    String key = apiKeys.create("operator", "reports benchmark", "operator").secret();
    List<Double> all = new ArrayList<>();
    for (Map.Entry<String, String> q : queries.entrySet()) {
      for (String path : List.of("/api/reports?", "/api/reports/csv?")) {
        double[] ms = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
          long s = System.nanoTime();
          HttpResponse<String> r =
              http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + path + q.getValue()))
                      .header("Authorization", "Bearer " + key)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          long e = System.nanoTime();
          assertThat(r.statusCode()).isEqualTo(200);
          if (i >= WARMUP) {
            ms[i - WARMUP] = (e - s) / 1e6;
            all.add(ms[i - WARMUP]);
          }
        }
        Arrays.sort(ms);
        out.append(
            String.format(
                Locale.ROOT,
                "%-58s %-4s p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms%n",
                q.getKey(),
                path.contains("csv") ? "csv" : "json",
                pct(ms, 50),
                pct(ms, 95),
                ms[ms.length - 1]));
      }
    }
    double[] every = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    out.append(
        String.format(
            Locale.ROOT,
            "all %d requests: p50 %.1f ms  p95 %.1f ms  p99 %.1f ms  max %.1f ms%n",
            every.length,
            pct(every, 50),
            pct(every, 95),
            pct(every, 99),
            every[every.length - 1]));
    // the same 90-day per-publisher totals straight from calls + ledger, for contrast
    long r0 = System.nanoTime();
    jdbc.sql(
            "SELECT c.publisher_id, count(*), sum(m.rev), sum(m.pay) FROM calls c LEFT JOIN"
                + " (SELECT call_id, sum(amount) FILTER (WHERE party_type = 'BUYER') rev,"
                + " sum(amount) FILTER (WHERE party_type = 'PUBLISHER') pay FROM ledger_entries"
                + " GROUP BY call_id) m ON m.call_id = c.id GROUP BY 1")
        .query()
        .listOfRows();
    out.append(
        String.format(
            Locale.ROOT,
            "for contrast, the same totals from the raw tables (no roll-up): %.0f ms%n",
            (System.nanoTime() - r0) / 1e6));
    String report = out.toString();
    System.out.println(report);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/reports-benchmark.txt"), report);
    assertThat(pct(every, 95)).isLessThan(500);
  }

  private static double pct(double[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
