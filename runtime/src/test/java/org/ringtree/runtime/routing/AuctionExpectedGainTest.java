package org.ringtree.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.routing.BidHistory;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.support.LoopbackBuyer;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The expected-gain early close in the running platform, with the default share: a real loopback
 * buyer that answers in about 400 ms and always bids a little more than Bidder One's 310.00 is
 * waited for while its history is short; once its history (read answer by answer from the routing
 * trace) says waiting for it adds at most 1.1% of the best offer, the auction closes without it,
 * the trace says {@code GAIN_TOO_SMALL}'s reason and names it, and its late answer is still
 * recorded.
 */
@TestPropertySource(
    properties = {
      "ringtree.test.context=expected-gain",
      "ringtree.rtb.auction.early-close=true",
      "ringtree.rtb.auction.minimum-sample=3",
      // each call must see the answers of the one before, seconds earlier: no history cache
      "ringtree.rtb.auction.history-cache=0s"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuctionExpectedGainTest extends RunningPlatformTest {

  private static final long ANSWER_MILLIS = 400;

  @Autowired DirectoryStore directory;
  @Autowired FlowStore flows;
  @Autowired JdbcClient jdbc;
  @Autowired RoutingHistoryStore history;
  @Autowired AuctionCloseSettings settings;

  private final AtomicInteger pings = new AtomicInteger();
  private volatile String bid = "312.00";
  private volatile long answerMillis = ANSWER_MILLIS;
  private LoopbackBuyer buyer;

  @BeforeEach
  void aSlowBuyerThatBidsALittleMore() {
    buyer =
        LoopbackBuyer.start()
            .answer(
                "/bid",
                r -> {
                  int n = pings.incrementAndGet();
                  LoopbackBuyer.pause(answerMillis);
                  return LoopbackBuyer.acceptedBid("late-" + n, bid);
                });
    buyer.standIn(
        directory,
        flows,
        t ->
            LoopbackBuyer.withEndpoint(
                t,
                new Destination.RtbEndpoint(
                    buyer.url("/bid"), 800, BidResponseFormat.RINGTREE, Map.of()),
                "Latecomer"));
  }

  @AfterEach
  void restore() {
    buyer.close();
  }

  @Test
  @Order(1) // on a fresh database: the buyer's history is these calls' pings
  void aSlowBuyerWhoseHistorySaysItCannotAddEnoughIsNotWaitedForAndItsLateAnswerIsKept()
      throws InterruptedException {
    assertThat(settings.maxExpectedGain()).isEqualByComparingTo("0.011");

    // while its history is shorter than the minimum sample it is waited for, and wins
    for (int i = 1; i <= 3; i++) {
      CallTranscript call = place("+1310555030" + i);
      assertThat(ping(call)).startsWith("ACCEPTED bid 312.00 USD");
      assertThat(lines(call, "decision")).anyMatch(r -> r.startsWith("WINNER Latecomer"));
    }
    BidHistory h =
        history
            .bidHistory(List.of("slowpoke-rtb"), Instant.now().minus(Duration.ofHours(1)), 1000)
            .get("slowpoke-rtb");
    assertThat(h.pings()).isEqualTo(3);
    assertThat(h.samples().answers()).isEqualTo(3);
    assertThat(h.samples().bids()).isEqualTo(3);
    assertThat(h.slowestAnswer()).isGreaterThanOrEqualTo(Duration.ofMillis(ANSWER_MILLIS));

    // now its three bids beat Bidder One's 310.00 by 2.00 each, and it answers every ping later
    // than Bidder One: the expected gain is 2.00, under 1.1% of 310.00 (3.41)
    CallTranscript fourth = place("+13105550304");

    assertThat(ping(fourth))
        .matches(
            "NOT_WAITED Latecomer not waited for: 3 of its 3 bids in the look-back beat the"
                + " 310\\.00 in hand, and 3 of its 3 pings unanswered after \\d+ ms \\(\\d+ ms"
                + " waited less the \\d+ ms answer margin\\) were answered later: expected gain"
                + " 2\\.0+");
    assertThat(lines(fourth, "decision"))
        .anyMatch(
            r ->
                r.matches(
                    "STEP Auction closed after \\d+ ms: waiting could not pay: the expected gain"
                        + " of waiting for Latecomer is 2\\.0+, at most 1\\.1% of the best offer"
                        + " \\(3\\.4100\\): the best offer in hand is 310\\.00 \\(Bidder One"
                        + " ping-post\\); not waited for: (.+, )?Latecomer(, .+)?\\."))
        .anyMatch(r -> r.startsWith("WINNER Bidder One"));
    assertThat(ledger(fourth)).contains("REVENUE BUYER bidder-one 310.00 USD");
    assertThat(pings).hasValue(4);
    // its answer, when it comes, is kept for the history
    assertThat(lateAnswer(fourth))
        .startsWith("LATE_ANSWER late answer after ")
        .endsWith("the auction had closed: accepted (bid 312.00 USD)");
    assertThat(
            history
                .bidHistory(List.of("slowpoke-rtb"), Instant.now().minus(Duration.ofHours(1)), 1000)
                .get("slowpoke-rtb")
                .samples()
                .answers())
        .isEqualTo(4);
  }

  @Test
  @Order(2)
  void aSlowBuyerWhoseBidsBeatTheOfferInHandByMoreIsWaitedFor() {
    bid = "400.00";
    // its history: the first test's bids of 312.00, then bids of 400.00 (answered in time or
    // late): 90.00 over the offer in hand is far more than 1.1% of it
    for (int i = 1; i <= 3; i++) {
      place("+1310555031" + i);
    }

    // this time it answers well inside its own history (still after Bidder One), so the closer
    // weighs it while it is pending; an answer slower than every one before it would be presumed
    // not to come at all, which a loaded machine can make of a 400 ms buyer
    answerMillis = ANSWER_MILLIS / 2;
    CallTranscript call = place("+13105550314");
    answerMillis = ANSWER_MILLIS;

    assertThat(ping(call)).startsWith("ACCEPTED bid 400.00 USD");
    assertThat(lines(call, "decision"))
        .noneMatch(r -> r.contains("Auction closed"))
        .anyMatch(r -> r.startsWith("WINNER Latecomer"));
  }

  private CallTranscript place(String number) {
    return driver().place(CallScript.demo().withCaller(number, "CA", "90210"));
  }

  private String ping(CallTranscript call) {
    List<String> rows =
        jdbc.sql(
                "SELECT t.outcome || ' ' || t.reason FROM routing_trace t JOIN calls c"
                    + " ON c.id = t.call_id WHERE c.call_sid = ? AND t.kind = 'ping'"
                    + " AND t.target_id = 'slowpoke-rtb' AND t.outcome <> 'LATE_ANSWER'")
            .param(call.callSid())
            .query(String.class)
            .list();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  private String lateAnswer(CallTranscript call) throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      List<String> rows =
          jdbc.sql(
                  "SELECT t.outcome || ' ' || t.reason FROM routing_trace t JOIN calls c"
                      + " ON c.id = t.call_id WHERE c.call_sid = ? AND t.kind = 'ping'"
                      + " AND t.target_id = 'slowpoke-rtb' AND t.outcome = 'LATE_ANSWER'")
              .param(call.callSid())
              .query(String.class)
              .list();
      if (!rows.isEmpty()) {
        return rows.get(0);
      }
      Thread.sleep(100);
    }
    return "no late answer recorded";
  }

  private List<String> lines(CallTranscript call, String kind) {
    return jdbc.sql(
            "SELECT t.outcome || ' ' || t.reason FROM routing_trace t JOIN calls c"
                + " ON c.id = t.call_id WHERE c.call_sid = ? AND t.kind = ? ORDER BY t.seq")
        .params(call.callSid(), kind)
        .query(String.class)
        .list();
  }

  private List<String> ledger(CallTranscript call) {
    return jdbc.sql(
            "SELECT l.kind || ' ' || l.party_type || ' ' || l.party_id || ' ' || l.amount || ' '"
                + " || l.currency FROM ledger_entries l JOIN calls c ON c.id = l.call_id"
                + " WHERE c.call_sid = ? ORDER BY l.id")
        .param(call.callSid())
        .query(String.class)
        .list();
  }
}
