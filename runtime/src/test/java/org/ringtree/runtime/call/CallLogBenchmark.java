package org.ringtree.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
 * The call log on 1,000,000 calls (the reports benchmark's generator): the first page, a page half
 * a million calls deep through its cursor, and filtered pages, timed over real HTTP. Gated: runs
 * only with {@code -Dcalls.bench=true}; figures in docs/benchmarks.md ("Call log").
 */
@EnabledIfSystemProperty(named = "calls.bench", matches = "true")
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.datasource.hikari.connection-init-sql=SET statement_timeout = '1h'")
class CallLogBenchmark extends PostgresTest {

  static final int CALLS = Integer.getInteger("calls.bench.calls", 1_000_000);
  static final int RUNS = Integer.getInteger("calls.bench.runs", 50);
  static final int WARMUP = 10;

  @Autowired JdbcClient jdbc;
  @Autowired ApiKeyStore apiKeys;
  @LocalServerPort int port;

  @Test
  void callLogPagesOnAMillionCalls() throws Exception {
    StringBuilder out = new StringBuilder();
    long t0 = System.nanoTime();
    BenchmarkCalls.generate(jdbc, CALLS);
    jdbc.sql("ANALYZE calls").update();
    out.append(
        String.format(
            Locale.ROOT, "Generated %,d calls in %.1f s%n", CALLS, (System.nanoTime() - t0) / 1e9));
    String deep =
        jdbc.sql(
                "SELECT started_at, id FROM calls ORDER BY started_at DESC, id DESC"
                    + " OFFSET ? LIMIT 1")
            .param(CALLS / 2)
            .query(
                (rs, i) ->
                    CallLogQuery.encode(
                        new CallLogStore.Cursor(
                            rs.getTimestamp(1).toInstant(), rs.getObject(2, UUID.class))))
            .single();

    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("first page, 100 calls", "/api/calls?limit=100");
    pages.put("first page, 500 calls", "/api/calls?limit=500");
    pages.put("page 500,000 calls deep (cursor), 100", "/api/calls?limit=100&cursor=" + deep);
    pages.put(
        "campaign + buyer + billable + status, 100",
        "/api/calls?limit=100&campaign=pi-accidents&buyer=acme-law&billable=true&status=completed");
    pages.put("one tracking number, 100", "/api/calls?limit=100&number=%2B18885550104");
    pages.put("one caller (3 calls)", "/api/calls?limit=100&caller=%2B15550000123");
    pages.put(
        "one day in America/New_York, publisher, deep cursor",
        "/api/calls?limit=100&from=2026-10-15&to=2026-10-15&tz=America/New_York"
            + "&publisher=blue-billboard&cursor="
            + deep);
    pages.put(
        "duplicates of one publisher (1 in 150 calls), 100",
        "/api/calls?limit=100&duplicate=true&publisher=callnow-seo");
    pages.put(
        "CSV export, one day (about 11,000 calls)",
        "/api/calls.csv?from=2026-10-15&to=2026-10-15&tz=America/New_York");

    HttpClient http = HttpClient.newHttpClient();
    // an API key, not HTTP Basic: bcrypt on every request would be timed along with the page
    String key = apiKeys.create("operator", "call log benchmark", "operator").secret();
    for (Map.Entry<String, String> p : pages.entrySet()) {
      double[] ms = new double[RUNS];
      int rows = 0;
      for (int i = 0; i < WARMUP + RUNS; i++) {
        long s = System.nanoTime();
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + p.getValue()))
                    .header("Authorization", "Bearer " + key)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        long e = System.nanoTime();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        rows =
            p.getValue().contains(".csv")
                ? (int) r.body().lines().count() - 1
                : r.body().split("\"callSid\"", -1).length - 1;
        if (i >= WARMUP) {
          ms[i - WARMUP] = (e - s) / 1e6;
        }
      }
      Arrays.sort(ms);
      out.append(
          String.format(
              Locale.ROOT,
              "%-52s rows %6d  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n",
              p.getKey(),
              rows,
              ms[RUNS / 2],
              ms[(int) Math.ceil(RUNS * 0.95) - 1],
              ms[RUNS - 1]));
    }
    out.append(
        "plans: "
            + jdbc
                .sql(
                    "EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) SELECT id FROM calls"
                        + " WHERE started_at <= ? AND (started_at, id) < (?, ?)"
                        + " ORDER BY started_at DESC, id DESC LIMIT 101")
                .params(
                    Timestamp.valueOf("2026-10-15 00:00:00"),
                    Timestamp.valueOf("2026-10-15 00:00:00"),
                    UUID.randomUUID())
                .query(String.class)
                .list()
                .stream()
                .reduce("", (a, b) -> a + "\n  " + b)
            + "\n");
    System.out.println(out);
    Files.writeString(Path.of("target", "call-log-benchmark.txt"), out);
  }
}
