package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
import org.ringtree.rules.routing.AuctionCloser;
import org.ringtree.rules.routing.AuctionCloser.Policy;
import org.ringtree.rules.routing.AuctionCloser.Prospect;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.BidHistory;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.PingResult.Status;

/**
 * Early close over real HTTP: loopback buyers, the closer's verdicts, and the answers that come
 * after the auction closed.
 */
class AuctionEarlyCloseCollectorTest {

  private static final BidRequest REQUEST =
      new BidRequest(
          "call-7",
          "camp-9",
          "pub-3",
          null,
          "TX",
          "78701",
          "Austin",
          "512",
          "US",
          Map.of("vertical", "insurance"),
          Instant.parse("2026-11-25T09:00:00Z"));

  private static final Policy POLICY =
      new Policy(true, Duration.ofMillis(50), Duration.ofMillis(100), 5, true, true);

  private final List<LoopbackServer> servers = new ArrayList<>();
  private final List<PingResult> late = new CopyOnWriteArrayList<>();
  private final CountDownLatch lateArrived = new CountDownLatch(1);
  private DefaultCamelContext camel;
  private CamelBidCollector collector;

  @BeforeEach
  void startCamel() {
    camel = new DefaultCamelContext();
    collector =
        new CamelBidCollector(camel, new BidResponseParser(), PingRateLimiter.unlimited(), r -> {});
    camel.start();
    // the first HTTP call of a JVM loads the client stack: keep it out of the auctions below
    try (LoopbackServer s = LoopbackServer.always(Reply.json(bid("1")))) {
      collector.collect(REQUEST, List.of(target("warm-up", s)), Duration.ofSeconds(10));
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

  private static PingTarget target(String id, LoopbackServer s) {
    return new PingTarget(
        id,
        new Destination.RtbEndpoint(s.url("/bid"), 10_000, BidResponseFormat.RINGTREE, Map.of()));
  }

  private static String bid(String amount) {
    return "{\"accepted\":true,\"amount\":\""
        + amount
        + "\",\"destination\":\"+15125550100\",\"expiresInSeconds\":60}";
  }

  /**
   * Twenty answered pings, the highest bid {@code highest}, the slowest in 8 s (far above the
   * buyers' replies here, so only the price decides, however loaded the machine).
   */
  private static BidHistory history(String highest) {
    return new BidHistory(null, 20, 20, new BigDecimal(highest), Duration.ofMillis(8000));
  }

  private List<PingResult> collect(AuctionCloser closer, PingTarget... targets) {
    return collector.collect(
        REQUEST,
        List.of(targets),
        Duration.ofSeconds(10),
        closer,
        r -> {
          late.add(r);
          lateArrived.countDown();
        });
  }

  @Test
  void stopsWaitingWhenNoPendingTargetCanBeatTheBestBidAndKeepsTheLateAnswer() throws Exception {
    LoopbackServer fast = buyer(Reply.json(bid("42.50")).after(10));
    LoopbackServer slow = buyer(Reply.json(bid("35.00")).after(1500));
    AuctionCloser closer =
        new AuctionCloser(
            POLICY,
            List.of(),
            List.of(
                new Prospect("fast", "Fast", 1, BidHistory.UNKNOWN),
                new Prospect("slow", "Slow", 1, history("40.00"))),
            BigDecimal.ZERO);

    List<PingResult> results = collect(closer, target("fast", fast), target("slow", slow));
    int slowRepliesWhenClosed = slow.handlingNanos().size();

    assertThat(results)
        .extracting(PingResult::status)
        .containsExactly(Status.ACCEPTED, Status.NOT_WAITED);
    assertThat(results.get(0).bid().orElseThrow().amount()).isEqualTo(Money.usd("42.50"));
    assertThat(results.get(1).reason())
        .isEqualTo(
            "Slow not waited for: its highest bid in the look-back was 40.00, not above the 42.50"
                + " in hand");
    assertThat(slowRepliesWhenClosed).as("closed before the slow buyer replied").isZero();
    assertThat(closer.closedEarly().orElseThrow().why())
        .isEqualTo(
            "no pending target could beat the best offer: the best offer in hand is 42.50 (Fast)");
    // both were asked, with the same request
    for (LoopbackServer s : List.of(fast, slow)) {
      assertThat(s.requests()).hasSize(1);
      assertThat(s.requests().get(0).method()).isEqualTo("POST");
      assertThat(s.requests().get(0).uri()).isEqualTo("/bid");
      assertThat(new ObjectMapper().readTree(s.requests().get(0).body()).get("callId").asText())
          .isEqualTo("call-7");
    }

    assertThat(lateArrived.await(10, TimeUnit.SECONDS)).as("the late answer arrived").isTrue();
    assertThat(late).hasSize(1);
    assertThat(late.get(0).targetId()).isEqualTo("slow");
    assertThat(late.get(0).status()).isEqualTo(Status.ACCEPTED);
    assertThat(late.get(0).bid().orElseThrow().amount()).isEqualTo(Money.usd("35.00"));
  }

  @Test
  void waitsForAPendingTargetWhoseHistoryShowsItCouldBeatTheBest() {
    LoopbackServer fast = buyer(Reply.json(bid("42.50")).after(10));
    LoopbackServer slow = buyer(Reply.json(bid("55.00")).after(300));
    AuctionCloser closer =
        new AuctionCloser(
            POLICY,
            List.of(),
            List.of(
                new Prospect("fast", "Fast", 1, BidHistory.UNKNOWN),
                new Prospect("slow", "Slow", 1, history("60.00"))),
            BigDecimal.ZERO);

    List<PingResult> results = collect(closer, target("fast", fast), target("slow", slow));

    assertThat(results)
        .extracting(PingResult::status)
        .containsExactly(Status.ACCEPTED, Status.ACCEPTED);
    assertThat(results.get(1).bid().orElseThrow().amount()).isEqualTo(Money.usd("55.00"));
    assertThat(closer.closedEarly()).isEmpty();
    assertThat(late).isEmpty();
  }

  @Test
  void aFixedPriceInHandIsEnoughToCloseBeforeAnyBidArrives() {
    LoopbackServer slow = buyer(Reply.json(bid("20.00")).after(1500));
    AuctionCloser closer =
        new AuctionCloser(
            POLICY,
            List.of(new AuctionCloser.Offer("acme", "Acme", 1, new BigDecimal("250"))),
            List.of(new Prospect("slow", "Slow", 1, history("30.00"))),
            BigDecimal.ZERO);

    List<PingResult> results = collect(closer, target("slow", slow));

    assertThat(results).extracting(PingResult::status).containsExactly(Status.NOT_WAITED);
    assertThat(slow.requests()).hasSize(1);
  }

  @Test
  void withoutACloserTheCollectorWaitsForEveryAnswer() {
    LoopbackServer fast = buyer(Reply.json(bid("42.50")).after(10));
    LoopbackServer slow = buyer(Reply.json(bid("35.00")).after(300));

    List<PingResult> results =
        collector.collect(
            REQUEST, List.of(target("fast", fast), target("slow", slow)), Duration.ofSeconds(10));

    assertThat(results)
        .extracting(PingResult::status)
        .containsExactly(Status.ACCEPTED, Status.ACCEPTED);
  }
}
