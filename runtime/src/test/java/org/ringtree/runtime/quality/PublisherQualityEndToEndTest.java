package org.ringtree.runtime.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.runtime.telephony.WebhookPaths;
import org.ringtree.tools.driver.WebhookExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Publisher quality monitoring in the running platform, end to end on PostgreSQL: generated traffic
 * with a call farm holding its calls just past the billable threshold is judged by a run over the
 * API; the run flags the farm's publisher and source only, with its evidence, announces each new
 * flag once as an event and once to the operator's alert webhook (a real server on loopback, which
 * refuses the first post so the retry is seen); a second run does not alert again; pausing the
 * publisher's numbers takes exactly its numbers out of service, audited as the operator, and a call
 * to one of them then hears the unknown-number answer instead of being routed.
 */
@Import(PublisherQualityEndToEndTest.Events.class)
@TestPropertySource(
    properties = {"ringtree.quality.cron=-", "ringtree.quality.alert.retry-delay=PT0.2S"})
class PublisherQualityEndToEndTest extends RunningPlatformTest {

  /** Every {@link PublisherQualityFlagged} the platform published. */
  @TestConfiguration
  static class Events {
    final List<PublisherQualityFlagged> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void flagged(PublisherQualityFlagged e) {
      seen.add(e);
    }
  }

  @Autowired DirectoryStore directory;
  @Autowired JdbcTemplate jdbcTemplate;
  @Autowired JdbcClient jdbc;
  @Autowired Events events;

  private HttpServer receiver;

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.stop(0);
    }
  }

  private Api operator() {
    return Api.signedIn(baseUrl, "operator", "ringtree-operator-demo");
  }

  @Test
  void theCallFarmIsFlaggedAlertedOncePausedAndItsNumbersStopRouting() throws Exception {
    List<GeneratedCall> calls = QualityCallsFixture.farmTraffic(Instant.now(), 6_000);
    QualityCallsFixture.insert(directory, jdbcTemplate, calls);
    Map<String, Boolean> numbersBefore = enabledNumbers();

    // the alert receiver: refuses the first post (503), takes every later one
    List<JsonNode> received = new CopyOnWriteArrayList<>();
    AtomicInteger posts = new AtomicInteger();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/alerts",
        x -> {
          byte[] body = x.getRequestBody().readAllBytes();
          int status = posts.incrementAndGet() == 1 ? 503 : 200;
          if (status == 200) {
            received.add(RingtreeJson.mapper().readTree(body));
          }
          x.sendResponseHeaders(status, -1);
          x.close();
        });
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts";

    Api.Reply metadata =
        operator().put("/api/quality/alert", Map.of("url", "http://169.254.169.254/x"));
    assertThat(metadata.status()).isEqualTo(400);
    assertThat(metadata.body()).contains("refused").contains("169.254.169.254");
    Api.Reply saved = operator().put("/api/quality/alert", Map.of("url", url));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);

    // the first run
    Api.Reply first = operator().post("/api/quality/runs", Map.of());
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().path("calls").asInt()).isEqualTo(6_000);
    assertThat(first.json().path("newFlags").asInt()).isPositive();
    JsonNode listing = operator().get("/api/quality/flags").json();
    List<JsonNode> flags = new ArrayList<>();
    listing.path("flags").forEach(flags::add);
    assertThat(flags).isNotEmpty();
    assertThat(flags)
        .allSatisfy(
            f -> {
              assertThat(f.path("publisherId").asText()).isEqualTo(QualityCallsFixture.FARM);
              assertThat(f.path("source").asText()).isEqualTo(QualityCallsFixture.FARM_NUMBER);
              assertThat(f.path("state").asText()).isEqualTo("OPEN");
            });
    JsonNode clustering =
        flags.stream()
            .filter(f -> f.path("kind").asText().equals("THRESHOLD_CLUSTERING"))
            .findFirst()
            .orElseThrow();
    assertThat(clustering.path("evidence").asText())
        .contains("within 15 s past the billable threshold")
        .contains("one-sided binomial p");
    assertThat(clustering.path("hits").asDouble() / clustering.path("calls").asDouble())
        .isGreaterThan(0.5);
    assertThat(clustering.path("baselineRate").asDouble()).isLessThan(0.1);
    assertThat(clustering.path("pValue").asDouble()).isLessThan(1e-6);
    assertThat(
            jdbc.sql("SELECT evidence FROM quality_flags WHERE id = ?")
                .param(clustering.path("id").asLong())
                .query(String.class)
                .single())
        .isEqualTo(clustering.path("evidence").asText());

    // score bands per publisher in the run
    JsonNode farmBands = null;
    for (JsonNode b : listing.path("run").path("scoreBands")) {
      if (b.path("publisherId").asText().equals(QualityCallsFixture.FARM)) {
        farmBands = b;
      }
    }
    assertThat(farmBands).isNotNull();
    int banded = 0;
    for (JsonNode n : farmBands.path("counts")) {
      banded += n.asInt();
    }
    long farmCalls =
        QualityCallsFixture.publishers(calls).stream()
            .filter(QualityCallsFixture.FARM::equals)
            .count();
    assertThat(banded).isEqualTo(farmBands.path("calls").asInt()).isEqualTo((int) farmCalls);

    // one event and one delivered alert per new flag
    List<Long> flagIds = flags.stream().map(f -> f.path("id").asLong()).sorted().toList();
    assertThat(events.seen.stream().map(e -> e.flag().id()).sorted().toList()).isEqualTo(flagIds);
    awaitDeliveries(received, flagIds.size());
    assertThat(received.stream().map(j -> j.path("flagId").asLong()).sorted().toList())
        .isEqualTo(flagIds);
    JsonNode alert =
        received.stream()
            .filter(j -> j.path("flagId").asLong() == clustering.path("id").asLong())
            .findFirst()
            .orElseThrow();
    assertThat(alert.path("publisher").asText()).isEqualTo(QualityCallsFixture.FARM);
    assertThat(alert.path("source").asText()).isEqualTo(QualityCallsFixture.FARM_NUMBER);
    assertThat(alert.path("kind").asText()).isEqualTo("THRESHOLD_CLUSTERING");
    assertThat(alert.path("evidence").asText()).isEqualTo(clustering.path("evidence").asText());
    assertThat(alert.path("figures").path("hits").asInt())
        .isEqualTo(clustering.path("hits").asInt());
    assertThat(alert.path("runId").asLong()).isEqualTo(first.json().path("id").asLong());
    assertThat(alert.has("pValue")).isTrue();
    // the refused first post was logged and retried
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM quality_alert_deliveries WHERE NOT delivered"
                        + " AND http_status = 503")
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM quality_alert_deliveries WHERE delivered")
                .query(Long.class)
                .single())
        .isEqualTo(flagIds.size());

    // the second run raises the same flags: kept open, evidence updated, no new alert
    Api.Reply second = operator().post("/api/quality/runs", Map.of());
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().path("flags").asInt()).isEqualTo(flagIds.size());
    assertThat(second.json().path("newFlags").asInt()).isZero();
    List<Long> after = new ArrayList<>();
    operator()
        .get("/api/quality/flags")
        .json()
        .path("flags")
        .forEach(f -> after.add(f.path("id").asLong()));
    assertThat(after.stream().sorted().toList()).isEqualTo(flagIds);
    assertThat(jdbc.sql("SELECT DISTINCT last_run_id FROM quality_flags").query(Long.class).list())
        .containsExactly(second.json().path("id").asLong());
    assertThat(events.seen).hasSize(flagIds.size());
    assertThat(received).hasSize(flagIds.size());

    // pause: exactly the farm publisher's numbers, audited as the operator
    Api.Reply paused =
        operator().post("/api/quality/publishers/" + QualityCallsFixture.FARM + "/pause", Map.of());
    assertThat(paused.status()).as(paused.body()).isEqualTo(200);
    assertThat(paused.json().path("numbers").asInt()).isEqualTo(2);
    Map<String, Boolean> expected = new LinkedHashMap<>(numbersBefore);
    expected.put(QualityCallsFixture.FARM_NUMBER, false);
    expected.put(QualityCallsFixture.FARM_SPARE_NUMBER, false);
    assertThat(enabledNumbers()).isEqualTo(expected);
    assertThat(
            jdbc.sql(
                    "SELECT object_id FROM audit_log WHERE action ="
                        + " 'directory.tracking-number.pause' AND actor = 'operator'"
                        + " ORDER BY object_id")
                .query(String.class)
                .list())
        .containsExactly(QualityCallsFixture.FARM_NUMBER, QualityCallsFixture.FARM_SPARE_NUMBER);

    // a call to a paused number is not routed: the unknown-number answer, and the call UNROUTED
    Map<String, String> incoming = new LinkedHashMap<>();
    incoming.put("CallSid", "CApausedfarm000000000000000000001");
    incoming.put("AccountSid", "AC" + "0".repeat(32));
    incoming.put("From", "+13105550777");
    incoming.put("To", QualityCallsFixture.FARM_NUMBER);
    incoming.put("Direction", "inbound");
    incoming.put("CallStatus", "ringing");
    WebhookExchange answer = driver().post(WebhookPaths.INCOMING, incoming);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body())
        .contains("not in service")
        .contains("<Hangup/>")
        .doesNotContain("<Dial");
    assertThat(
            jdbc.sql("SELECT phase FROM calls WHERE call_sid = ?")
                .param("CApausedfarm000000000000000000001")
                .query(String.class)
                .single())
        .isEqualTo("UNROUTED");

    // resume puts back exactly the numbers the pause took
    Api.Reply resumed =
        operator()
            .post("/api/quality/publishers/" + QualityCallsFixture.FARM + "/resume", Map.of());
    assertThat(resumed.json().path("numbers").asInt()).isEqualTo(2);
    assertThat(enabledNumbers()).isEqualTo(numbersBefore);
  }

  @Test
  void complianceReadsTheFlagsButMayNotRunTheTestsOrPause() {
    Api compliance = Api.signedIn(baseUrl, "compliance", "ringtree-compliance-demo");
    assertThat(compliance.get("/api/quality/flags").status()).isEqualTo(200);
    assertThat(compliance.post("/api/quality/runs", Map.of()).status()).isEqualTo(403);
    assertThat(
            compliance
                .post("/api/quality/publishers/" + QualityCallsFixture.FARM + "/pause", Map.of())
                .status())
        .isEqualTo(403);
    assertThat(compliance.put("/api/quality/alert", Map.of("url", "")).status()).isEqualTo(403);
  }

  private Map<String, Boolean> enabledNumbers() {
    Map<String, Boolean> m = new LinkedHashMap<>();
    jdbc.sql("SELECT number, enabled FROM tracking_numbers ORDER BY number")
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
        .list()
        .forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  /** The alerts are posted off the run's thread: wait (a minute at most) until all have arrived. */
  private static void awaitDeliveries(List<JsonNode> received, int n) throws InterruptedException {
    for (int i = 0; i < 600 && received.size() < n; i++) {
      Thread.sleep(100);
    }
  }
}
