package org.ringtree.runtime.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.twilio.TwilioWebhookFields;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.ServerLatency;
import org.ringtree.tools.driver.TwilioDriver;
import org.ringtree.tools.driver.WebhookExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The floor the load generator compares the incoming webhook with: it checks the same signature,
 * stores exactly one row per signed request, answers TwiML, and is timed in the same histogram.
 * (The generator's comparison itself is tested with the generator, in the tools module.)
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
