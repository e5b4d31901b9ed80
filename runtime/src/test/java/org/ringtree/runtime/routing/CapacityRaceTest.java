package org.ringtree.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.directory.Publisher;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.directory.Vertical;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.RingtreeApplication;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.support.TestDatabases;
import org.ringtree.runtime.telephony.WebhookPaths;
import org.ringtree.tools.driver.TwilioDriver;
import org.ringtree.tools.driver.WebhookExchange;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two runtime nodes on one database race for a buyer's capacity through the real webhooks. Caps are
 * held by conditional updates in PostgreSQL, so no interleaving can overrun them, and a node that
 * dies holding capacity gives it back once its holds expire.
 */
class CapacityRaceTest {

  private static final String TOKEN = "race-token";
  private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

  @AfterEach
  void stopNodes() {
    nodes.forEach(ConfigurableApplicationContext::close);
  }

  @Test
  void fiveHundredConcurrentCallsOnTwoNodesConnectExactlyTheDailyCap() throws Exception {
    String db = TestDatabases.create("race");
    Node a = start(db);
    Node b = start(db);
    seed(a, new Caps(Caps.CountOn.CONNECTIONS, null, null, 40, null, null));

    AtomicInteger dialled = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Node node = i % 2 == 0 ? a : b;
      String sid = "CArace" + String.format("%026d", i);
      calls.add(
          pool.submit(
              () -> {
                if (answerCall(node, sid)) {
                  dialled.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : calls) {
      f.get();
    }
    pool.shutdown();

    JdbcClient jdbc = a.jdbc();
    assertThat(dialled.get()).isEqualTo(40);
    assertThat(count(jdbc, "SELECT count(*) FROM calls WHERE target_id = 'capped'")).isEqualTo(40);
    assertThat(count(jdbc, "SELECT count(*) FROM cap_reservations WHERE state = 'CONNECTED'"))
        .isEqualTo(40);
    assertThat(count(jdbc, "SELECT count(*) FROM calls")).isEqualTo(500);
    assertThat(
            count(
                jdbc,
                "SELECT used FROM cap_counters WHERE scope = 'target:capped' AND period LIKE"
                    + " 'day:%'"))
        .isEqualTo(40);
    assertThat(
            count(jdbc, "SELECT count(*) FROM routing_trace WHERE reason LIKE '%daily cap 40/40%'"))
        .isGreaterThanOrEqualTo(460);
  }

  @Test
  void capacityHeldByANodeThatDiesReturnsAfterTheHoldExpires() throws Exception {
    String db = TestDatabases.create("crash");
    Node doomed = start(db);
    Node survivor = start(db);
    seed(doomed, new Caps(Caps.CountOn.CONNECTIONS, 2, null, null, null, null));

    // the doomed node starts two calls that ring the buyer, then dies before their results
    assertThat(ring(doomed, "CAdoomed00000000000000000000000001")).contains("<Dial");
    assertThat(ring(doomed, "CAdoomed00000000000000000000000002")).contains("<Dial");
    doomed.context().close();

    assertThat(ring(survivor, "CAsurvivor000000000000000000000001"))
        .doesNotContain("<Dial")
        .contains("No buyer can take");

    long deadline = System.currentTimeMillis() + 20_000;
    String answer = "";
    int attempt = 0;
    while (System.currentTimeMillis() < deadline && !answer.contains("<Dial")) {
      Thread.sleep(500);
      answer = ring(survivor, "CAsurvivor" + String.format("%024d", 100 + attempt++));
    }
    assertThat(answer).contains("<Dial");
    String expired = "SELECT count(*) FROM cap_reservations WHERE state = 'EXPIRED'";
    while (System.currentTimeMillis() < deadline && count(survivor.jdbc(), expired) < 2) {
      Thread.sleep(200);
    }
    assertThat(count(survivor.jdbc(), expired)).isEqualTo(2);
    assertThat(
            count(
                survivor.jdbc(),
                "SELECT used FROM cap_counters WHERE scope = 'target:capped'"
                    + " AND period = 'concurrent'"))
        .isEqualTo(1); // only the survivor's ringing call
  }

  private record Node(ConfigurableApplicationContext context, TwilioDriver driver) {
    JdbcClient jdbc() {
      return context.getBean(JdbcClient.class);
    }
  }

  private Node start(String dbUrl) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    String base = "http://127.0.0.1:" + port;
    ConfigurableApplicationContext ctx =
        new SpringApplicationBuilder(RingtreeApplication.class)
            .run(
                "--spring.datasource.url=" + dbUrl,
                "--spring.datasource.username=" + TestDatabases.user(),
                "--spring.datasource.password=",
                "--server.port=" + port,
                "--ringtree.public-base-url=" + base,
                "--ringtree.twilio.auth-token=" + TOKEN,
                "--ringtree.demo.seed=false",
                "--ringtree.node-name=node-" + port,
                "--ringtree.routing.hold-margin=1s",
                "--ringtree.routing.sweep-interval=300ms",
                "--spring.main.banner-mode=off");
    nodes.add(ctx);
    return new Node(ctx, new TwilioDriver(base, TOKEN));
  }

  private static void seed(Node node, Caps caps) {
    DirectoryStore dir = node.context().getBean(DirectoryStore.class);
    dir.save(new Vertical("legal", "Legal"));
    dir.save(
        new Campaign(
            "race",
            "Race",
            "legal",
            Money.USD,
            PayoutPolicy.fixed(60, 30, Money.usd("10"), 0),
            null,
            null,
            null),
        "UTC");
    dir.save(new Publisher("pub", "Publisher"));
    dir.save(new Buyer("buyer", "Buyer", Caps.NONE));
    dir.save(
        new Target(
            "capped",
            "Capped buyer",
            "buyer",
            new Destination.PhoneNumber("+15125550100"),
            Money.usd("50"),
            1,
            1,
            null,
            null,
            List.of(),
            caps,
            null,
            true));
    dir.save(new TrackingNumber("+18885550900", "race", "pub", Map.of()));
    String flow =
        """
        {"schemaVersion":1,"id":"race-flow","name":"Race","campaignId":"race",
         "nodes":[
          {"id":"start","kind":"start","position":{"x":0,"y":0},"config":{}},
          {"id":"ring","kind":"route","position":{"x":0,"y":100},
           "config":{"targets":["capped"],"method":"priority","dialTimeoutSeconds":5,
                     "maxAttempts":1,"record":false}},
          {"id":"sorry","kind":"hangup","position":{"x":0,"y":200},
           "config":{"text":"No buyer can take your call."}}],
         "edges":[
          {"from":"start","port":"next","to":"ring"},
          {"from":"ring","port":"fallback","to":"sorry"}]}
        """;
    // a new installation requires approval; this test is about capacity, not review
    node.context()
        .getBean(org.ringtree.runtime.approval.ComplianceSettings.class)
        .setRequireApproval(false, "test");
    FlowStore flows = node.context().getBean(FlowStore.class);
    FlowStore.StoredVersion v =
        flows.saveVersion(
            FlowJson.read(flow).document().orElseThrow(), dir.snapshot(Set.of()), "test");
    flows.makeLive(v.flowId(), v.id());
  }

  /** Places a call that reaches the buyer, who answers; returns whether it was dialled. */
  private static boolean answerCall(Node node, String sid) {
    String twiml = ring(node, sid);
    if (!twiml.contains("<Dial")) {
      return false;
    }
    String callId =
        node.jdbc()
            .sql("SELECT id::text FROM calls WHERE call_sid = ?")
            .param(sid)
            .query(String.class)
            .single();
    Map<String, String> p = params(sid);
    p.put("DialCallStatus", "completed");
    p.put("DialCallDuration", "75");
    p.put("DialCallSid", "CAleg" + UUID.randomUUID().toString().replace("-", ""));
    WebhookExchange dial = node.driver().post(WebhookPaths.DIAL + "?call=" + callId + "&step=1", p);
    assertThat(dial.status()).isEqualTo(200);
    return true;
  }

  private static String ring(Node node, String sid) {
    WebhookExchange answer = node.driver().post(WebhookPaths.INCOMING, params(sid));
    assertThat(answer.status()).isEqualTo(200);
    return answer.body();
  }

  private static Map<String, String> params(String sid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", sid);
    p.put("From", "+1310555" + sid.substring(sid.length() - 4));
    p.put("To", "+18885550900");
    p.put("CallStatus", "ringing");
    return p;
  }

  private static long count(JdbcClient jdbc, String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
