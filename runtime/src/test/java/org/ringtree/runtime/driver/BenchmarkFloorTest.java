package org.ringtree.runtime.driver;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.twilio.TwilioWebhookFields;
import org.ringtree.runtime.benchmark.FloorEndpoint;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The floor the load generator compares the incoming webhook with: it checks the same signature,
 * stores exactly one row per signed request, answers TwiML, and is timed in the same histogram.
 */
@TestPropertySource(properties = "ringtree.benchmark.floor=true")
class BenchmarkFloorTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;

  @Test
  void storesOneRowPerSignedRequestAndAnswersTwiml() {
    int before = rows();

    WebhookExchange answer = driver().post(FloorEndpoint.PATH, incoming("CAfloor1"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).startsWith("<?xml").contains("<Say>Thank you.</Say>");
    assertThat(rows()).isEqualTo(before + 1);
    assertThat(
            jdbc.sql("SELECT caller FROM benchmark_floor WHERE call_sid = 'CAfloor1'")
                .query(String.class)
                .single())
        .isEqualTo("+13105550199");
  }

  @Test
  void refusesARequestSignedWithAnotherTokenAndStoresNothing() {
    int before = rows();

    WebhookExchange answer =
        new TwilioDriver(baseUrl, "not-the-token").post(FloorEndpoint.PATH, incoming("CAforged"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void isTimedInTheHistogramTheGeneratorReads() {
    ServerLatency floor = new ServerLatency(baseUrl, FloorEndpoint.PATH);
    driver().post(FloorEndpoint.PATH, incoming("CAfloor2"));

    Map<Double, Double> buckets = floor.snapshot();

    assertThat(buckets).isNotEmpty();
    assertThat(ServerLatency.bounds(Map.of(), buckets)[3]).isGreaterThanOrEqualTo(1);
  }

  @Test
  void reportsTheWebhookAsMultiplesOfTheFloor() {
    LoadGenerator.Result webhook =
        new LoadGenerator.Result(
            300, 4, 4, 0, 300, new long[] {2_000_000, 2_000_000, 3_000_000, 9_000_000});
    LoadGenerator.Result bare =
        new LoadGenerator.Result(
            300, 4, 4, 0, 300, new long[] {1_000_000, 1_000_000, 1_000_000, 3_000_000});
    Map<Double, Double> webhookServer = new TreeMap<>(Map.of(0.002, 50.0, 0.008, 100.0));
    Map<Double, Double> floorServer = new TreeMap<>(Map.of(0.001, 60.0, 0.002, 100.0));

    String line = LoadGenerator.ratios(webhook, bare, webhookServer, floorServer);

    assertThat(line)
        .contains("client p50 2.00×, p99 3.00×")
        .contains("server-side p50 2.00×, p99 4.00×");
  }

  private int rows() {
    return jdbc.sql("SELECT count(*) FROM benchmark_floor").query(Integer.class).single();
  }

  private static Map<String, String> incoming(String callSid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put(TwilioWebhookFields.CALL_SID, callSid);
    p.put(TwilioWebhookFields.FROM, "+13105550199");
    p.put(TwilioWebhookFields.TO, "+18885550100");
    return p;
  }
}
