package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.testing.LoopbackServer;
import org.ringtree.integrations.testing.LoopbackServer.Reply;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.PingResult.Status;

class CamelBidCollectorTest {

  private static final BidRequest REQUEST =
      new BidRequest(
          "call-1",
          "camp-9",
          "pub-3",
          "+15125550111",
          "TX",
          "78701",
          "Austin",
          "512",
          "US",
          Map.of("vertical", "insurance", "ivr_age", "65"),
          Instant.parse("2026-11-25T09:00:00Z"));

  private final List<LoopbackServer> servers = new ArrayList<>();
  private final List<PingResult> late = new CopyOnWriteArrayList<>();
  private DefaultCamelContext camel;
  private PingRateLimiter limiter;
  private CamelBidCollector collector;

  @BeforeEach
  void startCamel() {
    camel = new DefaultCamelContext();
    limiter = PingRateLimiter.unlimited();
    collector = new CamelBidCollector(camel, new BidResponseParser(), limiter, late::add);
    camel.start();
    warmUp();
  }

  /**
   * The first HTTP call of a JVM loads the client stack (hundreds of ms); keep it out of timings.
   */
  private void warmUp() {
    try (LoopbackServer s = LoopbackServer.always(Reply.json(bid("1")))) {
      collector.collect(
          REQUEST,
          List.of(target("warm-up", s, 5000, BidResponseFormat.RINGTREE)),
          Duration.ofSeconds(5));
    }
  }

  @AfterEach
  void stop() {
    collector.close();
    camel.stop();
    servers.forEach(LoopbackServer::close);
  }

  private LoopbackServer buyer(Reply reply) {
    LoopbackServer s = LoopbackServer.always(reply);
    servers.add(s);
    return s;
  }

  private static PingTarget target(
      String id, LoopbackServer s, int timeoutMs, BidResponseFormat f) {
    return new PingTarget(id, new Destination.RtbEndpoint(s.url("/bid"), timeoutMs, f, Map.of()));
  }

  private static String bid(String amount) {
    return "{\"accepted\":true,\"amount\":\""
        + amount
        + "\",\"destination\":\"+15125550100\",\"expiresInSeconds\":60}";
  }

  @Test
  void postsOurBidRequestJson() throws Exception {
    LoopbackServer s = buyer(Reply.json(bid("10")));

    collector.collect(
        REQUEST, List.of(target("a", s, 500, BidResponseFormat.RINGTREE)), Duration.ofSeconds(1));

    assertThat(s.requests()).hasSize(1);
    LoopbackServer.Request req = s.requests().get(0);
    assertThat(req.method()).isEqualTo("POST");
    assertThat(req.uri()).isEqualTo("/bid");
    assertThat(req.contentType()).startsWith("application/json");
    JsonNode json = new ObjectMapper().readTree(req.body());
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("callId").asText()).isEqualTo("call-1");
    assertThat(json.at("/caller/state").asText()).isEqualTo("TX");
    assertThat(json.at("/caller/zip").asText()).isEqualTo("78701");
    assertThat(json.at("/tags/vertical").asText()).isEqualTo("insurance");
    assertThat(json.get("timeoutMillis").asLong()).isEqualTo(500);
  }

  @Test
  void fastBuyerBidsAndLatencyIsMeasured() {
    LoopbackServer s = buyer(Reply.json(bid("25.50")).after(30));

    List<PingResult> results =
        collector.collect(
            REQUEST,
            List.of(target("a", s, 500, BidResponseFormat.RINGTREE)),
            Duration.ofSeconds(1));

    PingResult r = results.get(0);
    assertThat(r.status()).as(r.reason()).isEqualTo(Status.ACCEPTED);
    assertThat(r.httpStatus()).isEqualTo(200);
    assertThat(r.bid().orElseThrow().amount()).isEqualTo(Money.usd("25.50"));
    assertThat(r.latency()).isBetween(Duration.ofMillis(30), Duration.ofMillis(400));
  }

  @Test
  void slowBuyerPastTheDeadlineIsATimeoutAndDoesNotHoldTheAuction() {
    LoopbackServer fast = buyer(Reply.json(bid("10")).after(20));
    LoopbackServer slow = buyer(Reply.json(bid("99")).after(1500));

    long t0 = System.nanoTime();
    List<PingResult> results =
        collector.collect(
            REQUEST,
            List.of(
                target("fast", fast, 2000, BidResponseFormat.RINGTREE),
                target("slow", slow, 2000, BidResponseFormat.RINGTREE)),
            Duration.ofMillis(300));
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

    assertThat(results).extracting(PingResult::targetId).containsExactly("fast", "slow");
    assertThat(results.get(0).status()).isEqualTo(Status.ACCEPTED);
    assertThat(results.get(1).status()).isEqualTo(Status.TIMEOUT);
    assertThat(results.get(1).reason()).isEqualTo("no answer within 300 ms (auction deadline)");
    assertThat(results.get(1).latency()).isBetween(Duration.ofMillis(300), Duration.ofMillis(600));
    // Well before the slow buyer's 1500 ms; the margin is for a busy 2-core build machine.
    assertThat(elapsed).isBetween(300L, 800L);
  }

  @Test
  void eachTargetHasItsOwnTimeoutInsideTheDeadline() {
    LoopbackServer impatient = buyer(Reply.json(bid("50")).after(250));
    LoopbackServer patient = buyer(Reply.json(bid("20")).after(250));

    long t0 = System.nanoTime();
    List<PingResult> results =
        collector.collect(
            REQUEST,
            List.of(
                target("impatient", impatient, 100, BidResponseFormat.RINGTREE),
                target("patient", patient, 800, BidResponseFormat.RINGTREE)),
            Duration.ofSeconds(1));
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

    assertThat(results.get(0).status()).isEqualTo(Status.TIMEOUT);
    assertThat(results.get(0).reason()).startsWith("no answer within 100 ms");
    assertThat(results.get(1).status()).isEqualTo(Status.ACCEPTED);
    assertThat(elapsed).isBetween(250L, 700L);
  }

  @Test
  void theHttpCallOfACutOffPingGivesUpAtTheSameTimeoutAndIsReportedLate() {
    LoopbackServer slow = buyer(Reply.json(bid("77")).after(250));

    List<PingResult> results =
        collector.collect(
            REQUEST,
            List.of(target("slow", slow, 1000, BidResponseFormat.RINGTREE)),
            Duration.ofMillis(100));

    assertThat(results.get(0).status()).isEqualTo(Status.TIMEOUT);
    long until = System.currentTimeMillis() + 3000;
    while (late.isEmpty() && System.currentTimeMillis() < until) {
      Thread.onSpinWait();
    }
    assertThat(late).hasSize(1);
    assertThat(late.get(0).status()).isEqualTo(Status.TIMEOUT);
    assertThat(late.get(0).reason())
        .startsWith("late: TIMEOUT (no answer within 100 ms (SocketTimeoutException))");
    assertThat(late.get(0).latency()).isBetween(Duration.ofMillis(100), Duration.ofMillis(250));
  }

  @Test
  void httpErrorsGarbageAndEmptyBodiesAreNoBids() {
    LoopbackServer err = buyer(new Reply(500, "{\"error\":\"boom\"}", 0));
    LoopbackServer garbage = buyer(Reply.json("<<<not json>>>"));
    LoopbackServer empty = buyer(new Reply(200, "", 0));
    LoopbackServer notFound = buyer(new Reply(404, null, 0));

    List<PingResult> results =
        collector.collect(
            REQUEST,
            List.of(
                target("err", err, 500, BidResponseFormat.RINGTREE),
                target("garbage", garbage, 500, BidResponseFormat.RINGBA),
                target("empty", empty, 500, BidResponseFormat.RETREAVER),
                target("404", notFound, 500, BidResponseFormat.CALLGRID)),
            Duration.ofSeconds(1));

    assertThat(results)
        .extracting(PingResult::status, PingResult::httpStatus, PingResult::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Status.ERROR, 500, "HTTP 500"),
            org.assertj.core.groups.Tuple.tuple(Status.INVALID, 200, "not JSON: <<<not json>>>"),
            org.assertj.core.groups.Tuple.tuple(Status.INVALID, 200, "empty body"),
            org.assertj.core.groups.Tuple.tuple(Status.ERROR, 404, "HTTP 404"));
  }

  @Test
  void refusedConnectionIsAnError() {
    LoopbackServer gone = buyer(Reply.json("{}"));
    PingTarget target = target("gone", gone, 500, BidResponseFormat.RINGTREE);
    gone.close();

    PingResult r = collector.collect(REQUEST, List.of(target), Duration.ofSeconds(1)).get(0);

    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.reason()).containsIgnoringCase("connect");
  }

  @Test
  void anAnswerOver64KbIsNotReadFurther() {
    LoopbackServer s = buyer(Reply.json("{\"pad\":\"" + "x".repeat(2_000_000) + "\"}"));

    PingResult r =
        collector
            .collect(
                REQUEST,
                List.of(target("huge", s, 3000, BidResponseFormat.RINGTREE)),
                Duration.ofSeconds(3))
            .get(0);

    assertThat(r.status()).isEqualTo(Status.INVALID);
    assertThat(r.reason()).isEqualTo("answer over 64 kB, not read further");
  }

  @Test
  void aBuyerDribblingItsAnswerIsCutOffAtTheTimeoutNotAtEachPause() throws Exception {
    java.util.concurrent.atomic.AtomicInteger written =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.CompletableFuture<Boolean> aborted =
        new java.util.concurrent.CompletableFuture<>();
    com.sun.net.httpserver.HttpServer slow =
        com.sun.net.httpserver.HttpServer.create(
            new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    slow.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, 0); // chunked
          try (java.io.OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 100; i++) { // one byte every 50 ms: 5 s in all
              out.write(' ');
              out.flush();
              written.incrementAndGet();
              Thread.sleep(50);
            }
            aborted.complete(false);
          } catch (java.io.IOException e) {
            aborted.complete(true);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    slow.start();
    try {
      PingTarget t =
          new PingTarget(
              "dribbler",
              new Destination.RtbEndpoint(
                  "http://127.0.0.1:" + slow.getAddress().getPort() + "/bid",
                  500,
                  BidResponseFormat.RINGTREE,
                  Map.of()));

      PingResult r = collector.collect(REQUEST, List.of(t), Duration.ofSeconds(2)).get(0);

      assertThat(r.status()).isEqualTo(Status.TIMEOUT);
      // the connection was dropped long before the buyer's 5 s of bytes
      assertThat(aborted.get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(written.get()).isLessThan(100);
    } finally {
      slow.stop(0);
    }
  }

  @Test
  void aUrlThatIsNotHttpIsRefusedWithoutAPing() {
    PingTarget target =
        new PingTarget(
            "weird",
            new Destination.RtbEndpoint(
                "file:/etc?x={{y}}", 500, BidResponseFormat.RINGTREE, Map.of()));

    PingResult r = collector.collect(REQUEST, List.of(target), Duration.ofSeconds(1)).get(0);

    assertThat(r.status()).isEqualTo(Status.ERROR);
    assertThat(r.reason()).startsWith("RTB URL refused, not pinged: not a URL");
    PingTarget ftp =
        new PingTarget(
            "ftp",
            new Destination.RtbEndpoint(
                "ftp://127.0.0.1/bid", 500, BidResponseFormat.RINGTREE, Map.of()));
    assertThat(collector.collect(REQUEST, List.of(ftp), Duration.ofSeconds(1)).get(0).reason())
        .isEqualTo(
            "RTB URL refused, not pinged: the URL must start with http:// or https://"
                + " (ftp://127.0.0.1/bid)");
  }

  @Test
  void everyResponseShapeOverHttp() {
    LoopbackServer ours = buyer(Reply.json(bid("11")));
    LoopbackServer ringba =
        buyer(
            Reply.json(
                "{\"bidId\":\"r\",\"bidAmount\":12,\"expireInSeconds\":30,\"phoneNumber\":\"+18885550123\"}"));
    LoopbackServer retreaver =
        buyer(
            Reply.json(
                "{\"status\":\"reserved\",\"retreaver_payout\":13,\"inbound_number\":\"+13105550199\"}"));
    LoopbackServer callgrid =
        buyer(Reply.json("{\"code\":1000,\"bidAmount\":14,\"phoneNumber\":\"+14045550111\"}"));
    LoopbackServer mapped =
        buyer(Reply.json("{\"result\":{\"price\":15,\"did\":\"+17135550100\",\"ok\":true}}"));

    List<PingResult> results =
        collector.collect(
            REQUEST,
            List.of(
                target("ours", ours, 500, BidResponseFormat.RINGTREE),
                target("ringba", ringba, 500, BidResponseFormat.RINGBA),
                target("retreaver", retreaver, 500, BidResponseFormat.RETREAVER),
                target("callgrid", callgrid, 500, BidResponseFormat.CALLGRID),
                new PingTarget(
                    "mapped",
                    new Destination.RtbEndpoint(
                        mapped.url("/bid"),
                        500,
                        BidResponseFormat.MAPPING,
                        Map.of(
                            "amount", "$.result.price",
                            "destination", "$.result.did",
                            "accepted", "$.result.ok")))),
            Duration.ofSeconds(1));

    assertThat(results).allSatisfy(r -> assertThat(r.status()).isEqualTo(Status.ACCEPTED));
    assertThat(results)
        .extracting(r -> r.bid().orElseThrow().amount())
        .containsExactly(
            Money.usd("11"), Money.usd("12"), Money.usd("13"), Money.usd("14"), Money.usd("15"));
  }

  @Test
  void rateLimitedTargetIsNotPinged() {
    LoopbackServer s = buyer(Reply.json(bid("10")));
    limiter.setRate("a", new PingRateLimiter.Rate(0.001, 2));
    PingTarget a = target("a", s, 500, BidResponseFormat.RINGTREE);

    List<Status> statuses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      statuses.add(collector.collect(REQUEST, List.of(a), Duration.ofSeconds(1)).get(0).status());
    }

    assertThat(statuses).containsExactly(Status.ACCEPTED, Status.ACCEPTED, Status.RATE_LIMITED);
    assertThat(s.requests()).hasSize(2);
  }

  @Test
  void twentyBuyerAuctionEndsWithTheSlowestInTimeReplyNotAtTheDeadline() {
    List<PingTarget> targets = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Reply reply =
          switch (i % 5) {
            case 0 -> new Reply(500, "oops", 5 + i);
            case 1 -> Reply.json("garbage").after(10 + i);
            default -> Reply.json(bid(Integer.toString(10 + i))).after(5 + 2L * i);
          };
      if (i == 19) {
        reply = Reply.json(bid("500")).after(3000); // way past the deadline
      }
      targets.add(target("b" + i, buyer(reply), 2000, BidResponseFormat.RINGTREE));
    }

    long t0 = System.nanoTime();
    List<PingResult> results = collector.collect(REQUEST, targets, Duration.ofMillis(400));
    long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);

    assertThat(results).hasSize(20);
    assertThat(results.get(19).status()).isEqualTo(Status.TIMEOUT);
    assertThat(results.stream().filter(r -> r.status() == Status.ACCEPTED)).hasSize(11);
    assertThat(results.stream().filter(r -> r.status() == Status.ERROR)).hasSize(4);
    assertThat(results.stream().filter(r -> r.status() == Status.INVALID)).hasSize(4);
    assertThat(elapsed).isBetween(400L, 900L);

    // Without the straggler the auction ends right after the slowest in-time reply (~41 ms).
    List<PingTarget> inTime = targets.subList(0, 19);
    long t1 = System.nanoTime();
    List<PingResult> quick = collector.collect(REQUEST, inTime, Duration.ofMillis(2000));
    long quickElapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);
    long slowest = quick.stream().mapToLong(r -> r.latency().toMillis()).max().orElseThrow();
    assertThat(quick).noneMatch(r -> r.status() == Status.TIMEOUT);
    assertThat(quickElapsed).isLessThan(slowest + 150).isLessThan(600);
  }
}
