package org.ringtree.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.Bid;
import org.ringtree.rules.routing.BidHistory;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo's Slowpoke never answers within its 800 ms: once its history (two pings here) says so,
 * the auction stops waiting for it, the trace says why, and the winner and the books are those of
 * an auction that waited. A late answer is kept in the trace and read back by the bid history.
 */
@TestPropertySource(
    properties = {
      "ringtree.rtb.auction.early-close=true",
      "ringtree.rtb.auction.minimum-sample=2",
      // each call must see the answers of the one before, seconds earlier: no history cache
      "ringtree.rtb.auction.history-cache=0s"
    })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuctionEarlyCloseTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher events;
  @Autowired RoutingHistoryStore history;
  @Autowired org.apache.camel.CamelContext camel;
  @Autowired org.ringtree.runtime.call.RoutingTraceStore traces;

  private CallTranscript place(String number) {
    return driver().place(CallScript.demo().withCaller(number, "CA", "90210"));
  }

  @Test
  @Order(1) // on a fresh database: Slowpoke's history is these calls' pings
  void aBuyerThatNeverAnswersIsNotWaitedForOnceItsHistorySaysSo() {
    CallTranscript first = place("+13105550201");
    CallTranscript second = place("+13105550202");
    CallTranscript third = place("+13105550203");

    assertThat(ping(first, "slowpoke-rtb")).startsWith("TIMEOUT no answer within 800 ms");
    assertThat(ping(second, "slowpoke-rtb")).startsWith("TIMEOUT no answer within 800 ms");
    assertThat(ping(third, "slowpoke-rtb"))
        .isEqualTo(
            "NOT_WAITED Slowpoke ping-post not waited for: it answered none of its last 2 pings");
    assertThat(ping(third, "bidder-one-rtb")).startsWith("ACCEPTED");
    assertThat(lines(third, "decision"))
        .anyMatch(
            r ->
                r.startsWith("STEP Auction closed after ")
                    && r.contains(": no pending target could beat the best offer: ")
                    && r.endsWith("; not waited for: Slowpoke ping-post."));
    // what an auction that waited would have chosen and booked (CallPathTest, first call)
    assertThat(lines(third, "decision")).anyMatch(r -> r.startsWith("WINNER Bidder One"));
    assertThat(ledger(third))
        .containsExactly(
            "REVENUE BUYER bidder-one 310.00 USD", "PAYOUT PUBLISHER sunrise-media 200.00 USD");
    assertThat(lines(first, "decision")).noneMatch(r -> r.contains("Auction closed"));
  }

  @Test
  @Order(2)
  void aLateAnswerIsTracedAndTeachesTheBidHistory() {
    CallTranscript call = place("+13105550204");
    UUID callId =
        jdbc.sql("SELECT id FROM calls WHERE call_sid = ?")
            .param(call.callSid())
            .query(UUID.class)
            .single();
    PingResult late =
        new PingResult(
            "slowpoke-rtb",
            PingResult.Status.ACCEPTED,
            Optional.of(
                new Bid(
                    "slowpoke-rtb",
                    "b-9",
                    Money.usd("612.00"),
                    new Destination.PhoneNumber("+15125550123"),
                    null)),
            200,
            Duration.ofMillis(1234),
            "bid 612.00 USD");

    events.publishEvent(new LateAnswerArrived(callId, "route-late", late));

    assertThat(lines(call, "ping"))
        .contains(
            "LATE_ANSWER late answer after 1234 ms, the auction had closed: accepted (bid 612.00"
                + " USD)");
    BidHistory h =
        history
            .bidHistory(List.of("slowpoke-rtb"), Instant.now().minus(Duration.ofHours(1)), 1000)
            .get("slowpoke-rtb");
    assertThat(h.answers()).isEqualTo(1);
    assertThat(h.pings()).isPositive();
    assertThat(h.highestBid()).isEqualByComparingTo("612.00");
    assertThat(h.slowestAnswer()).isEqualTo(Duration.ofMillis(1234));
  }

  @Test
  @Order(3)
  void anAnswerThatNeverCameIsNotTracedAsLate() {
    CallTranscript call = place("+13105550205");
    UUID callId =
        jdbc.sql("SELECT id FROM calls WHERE call_sid = ?")
            .param(call.callSid())
            .query(UUID.class)
            .single();

    events.publishEvent(
        new LateAnswerArrived(
            callId,
            "route-late",
            new PingResult(
                "slowpoke-rtb",
                PingResult.Status.TIMEOUT,
                Optional.empty(),
                null,
                Duration.ofMillis(800),
                "no answer within 800 ms (SocketTimeoutException)")));

    assertThat(lines(call, "ping")).noneMatch(r -> r.startsWith("LATE_ANSWER"));
  }

  @Test
  @Order(4)
  void aLateAnswerToASupplySideBidWhichIsNoCallIsLeftOutQuietly() {
    // a supply-side bid's auction runs under the bid's id, before any call exists
    UUID bidId = UUID.randomUUID();

    events.publishEvent(
        new LateAnswerArrived(
            bidId,
            "route-late",
            new PingResult(
                "slowpoke-rtb",
                PingResult.Status.ACCEPTED,
                Optional.of(
                    new Bid(
                        "slowpoke-rtb",
                        "b-10",
                        Money.usd("7.00"),
                        new Destination.PhoneNumber("+15125550123"),
                        null)),
                200,
                Duration.ofMillis(1500),
                "bid 7.00 USD")));

    // the store says so instead of failing on the missing call (which cost a pooled connection
    // and a logged stack trace per late answer under load)
    assertThat(
            traces.appendTraceIfCall(
                bidId,
                List.of(
                    org.ringtree.runtime.routing.TraceEntry.of(
                        "route-late",
                        "slowpoke-rtb",
                        org.ringtree.runtime.routing.TraceKind.PING,
                        org.ringtree.runtime.routing.TraceOutcome.LATE_ANSWER,
                        "late"))))
        .isFalse();
    assertThat(
            jdbc.sql("SELECT count(*) FROM routing_trace WHERE call_id = ?")
                .param(bidId)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  @Order(5)
  void buyersMayHaveAsManyPingsInFlightAsTheNodeSendsWithoutWaitingForAConnection() {
    for (String scheme : List.of("http", "https")) {
      org.apache.camel.component.http.HttpComponent http =
          camel.getComponent(scheme, org.apache.camel.component.http.HttpComponent.class);
      assertThat(http.getConnectionsPerRoute()).as(scheme).isEqualTo(256);
      assertThat(http.getMaxTotalConnections()).as(scheme).isGreaterThanOrEqualTo(256);
      assertThat(http.isCookieManagementDisabled())
          .as(scheme + ": no cookie jar shared by every ping in flight")
          .isTrue();
    }
  }

  private String ping(CallTranscript call, String target) {
    List<String> rows =
        jdbc.sql(
                "SELECT t.outcome || ' ' || t.reason FROM routing_trace t JOIN calls c"
                    + " ON c.id = t.call_id WHERE c.call_sid = ? AND t.kind = 'ping'"
                    + " AND t.target_id = ? AND t.outcome <> 'LATE_ANSWER'")
            .params(call.callSid(), target)
            .query(String.class)
            .list();
    assertThat(rows).hasSize(1);
    return rows.get(0);
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
