package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringtree.rules.engine.Harness.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.Bid;
import org.ringtree.rules.routing.BidCollector;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.Candidate;
import org.ringtree.rules.routing.PerformanceStats;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.UsageSnapshot;
import org.ringtree.rules.simulator.ScriptedBid;
import org.ringtree.rules.simulator.ScriptedBidCollector;

/** One test per distribution method, plus the auction's floor, margin, ties and bid expiry. */
class RankingTest {

  private static Target priced(String id, String price, int tier, int weight) {
    return Target.fixed(
            id,
            "buyer-" + id,
            "+1512555" + (1000 + Math.abs(id.hashCode()) % 8999),
            Money.usd(price))
        .withName(id)
        .withPriorityAndWeight(tier, weight);
  }

  private static Target rtb(String id, int tier) {
    Target base = priced(id, "1", tier, 1);
    return new Target(
        id,
        id,
        base.buyerId(),
        new Destination.RtbEndpoint(
            "https://" + id + ".example/bid",
            500,
            Destination.BidResponseFormat.RINGTREE,
            Map.of()),
        null,
        tier,
        1,
        null,
        null,
        null,
        null,
        null,
        true);
  }

  private static List<String> order(RouteDecision d) {
    return d.ranked().stream().map(Candidate::targetId).toList();
  }

  @Test
  void priorityTriesLowerTiersFirstAndKeepsListingOrderInsideATier() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(priced("a", "10", 2, 1), priced("b", "10", 1, 1), priced("c", "10", 1, 1)),
                List.of()),
            "priority",
            Map.of());
    assertThat(order(route(f, texas(), UsageSnapshot.EMPTY, null))).containsExactly("b", "c", "a");
  }

  @Test
  void weightedSharesFollowTheWeightsWithinFivePercent() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(
                    priced("a", "10", 1, 60), priced("b", "10", 1, 30), priced("c", "10", 1, 10)),
                List.of()),
            "weighted",
            Map.of());
    Map<String, Integer> wins = new HashMap<>();
    int calls = 10_000;
    for (int i = 0; i < calls; i++) {
      RouteDecision d =
          route(
              f,
              new RouteContext(texas(), UsageSnapshot.EMPTY, Map.of(), 0, i * 7919L + 13, null),
              null);
      wins.merge(d.winner().orElseThrow().targetId(), 1, Integer::sum);
    }
    assertThat(wins.get("a") / (double) calls)
        .isCloseTo(0.60, org.assertj.core.data.Offset.offset(0.05));
    assertThat(wins.get("b") / (double) calls)
        .isCloseTo(0.30, org.assertj.core.data.Offset.offset(0.05));
    assertThat(wins.get("c") / (double) calls)
        .isCloseTo(0.10, org.assertj.core.data.Offset.offset(0.05));
  }

  @Test
  void weightedIsDeterministicForTheSameSeed() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(priced("a", "10", 1, 1), priced("b", "10", 1, 1), priced("c", "10", 1, 1)),
                List.of()),
            "weighted",
            Map.of());
    RouteContext ctx = new RouteContext(texas(), UsageSnapshot.EMPTY, Map.of(), 0, 42, null);
    assertThat(order(route(f, ctx, null))).isEqualTo(order(route(f, ctx, null)));
  }

  @Test
  void roundRobinRotatesWithTheCounter() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(priced("a", "10", 1, 1), priced("b", "10", 1, 1), priced("c", "10", 1, 1)),
                List.of()),
            "roundRobin",
            Map.of());
    List<String> winners = new java.util.ArrayList<>();
    for (long counter = 0; counter < 6; counter++) {
      winners.add(
          route(f, new RouteContext(texas(), UsageSnapshot.EMPTY, Map.of(), counter, 0, null), null)
              .winner()
              .orElseThrow()
              .targetId());
    }
    assertThat(winners).containsExactly("a", "b", "c", "a", "b", "c");
  }

  @Test
  void ringTreeRanksByPriceAndFixedPriceTargetsCompeteAtTheirPrice() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(priced("fixed", "120", 1, 1), rtb("bidder", 1), rtb("low", 1)),
                List.of()),
            "ringTree",
            Map.of("floor", 0L));
    BidCollector bids =
        new ScriptedBidCollector(
            Map.of(
                "bidder",
                ScriptedBid.accept("150", "+15125550177"),
                "low",
                ScriptedBid.accept("90", "+15125550178")));
    RouteDecision d = route(f, texas(), UsageSnapshot.EMPTY, bids);
    assertThat(order(d)).containsExactly("bidder", "fixed", "low");
    Candidate winner = d.winner().orElseThrow();
    assertThat(winner.price()).isEqualTo(Money.usd("150"));
    assertThat(winner.dialable()).isEqualTo(new Destination.PhoneNumber("+15125550177"));
    assertThat(d.pings()).hasSize(2);
  }

  @Test
  void withTiersAHigherTierPriceIsDialledFirstAndWithOneAuctionTheBestBidWins() {
    // the docs' example (rtb.md, "Tiers or one auction"): fixed $100 in tier 1, a $150 bid in tier
    // 2
    List<Target> targets = List.of(priced("exclusive", "100", 1, 1), rtb("bidder", 2));
    BidCollector bids =
        new ScriptedBidCollector(Map.of("bidder", ScriptedBid.accept("150", "+15125550177")));

    CompiledFlow tiers =
        routeFlow(directory(campaign(), targets, List.of()), "ringTree", Map.of("floor", 0L));
    assertThat(order(route(tiers, texas(), UsageSnapshot.EMPTY, bids)))
        .containsExactly("exclusive", "bidder");

    CompiledFlow oneAuction =
        routeFlow(
            directory(campaign(), targets, List.of()),
            "ringTree",
            Map.of("floor", 0L, "auction", "oneAuction"));
    RouteDecision d = route(oneAuction, texas(), UsageSnapshot.EMPTY, bids);
    assertThat(order(d)).containsExactly("bidder", "exclusive");
    assertThat(d.about("bidder").get(0).message())
        .startsWith("bidder wins (tier 2, one auction across tiers, ringTree");
  }

  @Test
  void inOneAuctionAnEqualPriceGoesToTheHigherTier() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(priced("second", "100", 2, 1), priced("first", "100", 1, 1)),
                List.of()),
            "ringTree",
            Map.of("floor", 0L, "auction", "oneAuction"));
    assertThat(order(route(f, texas(), UsageSnapshot.EMPTY, null)))
        .containsExactly("first", "second");
  }

  @Test
  void pingsCarryTagsAndIvrAnswersAndTheCallerNumberOnlyWhenTheCampaignSharesIt() {
    List<BidRequest> sent = new ArrayList<>();
    BidCollector capture =
        (request, targets, deadline) -> {
          sent.add(request);
          return List.of();
        };
    CallFacts call =
        texas().withTagsAndAnswers(Map.of("source", "google"), Map.of("zip", "78701", "age", "67"));

    CompiledFlow hidden =
        routeFlow(
            directory(campaign(), List.of(rtb("bidder", 1)), List.of()), "ringTree", Map.of());
    route(hidden, call, UsageSnapshot.EMPTY, capture);
    CompiledFlow shared =
        routeFlow(
            directory(campaign().withShareCallerNumber(true), List.of(rtb("bidder", 1)), List.of()),
            "ringTree",
            Map.of());
    route(shared, call, UsageSnapshot.EMPTY, capture);

    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).tags())
        .containsOnly(
            Map.entry("age", "67"), Map.entry("source", "google"), Map.entry("zip", "78701"));
    assertThat(sent.get(0).callerNumber()).isNull();
    assertThat(sent.get(0).callerAreaCode()).isEqualTo("512");
    assertThat(sent.get(1).callerNumber()).isEqualTo("+15125550199");
  }

  @Test
  void ringTreeSkipsOffersBelowTheFloor() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(priced("cheap", "40", 1, 1), priced("good", "60", 1, 1)),
                List.of()),
            "ringTree",
            Map.of("floor", 50L));
    RouteDecision d = route(f, texas(), UsageSnapshot.EMPTY, null);
    assertThat(order(d)).containsExactly("good");
    assertThat(d.about("cheap").get(0).message())
        .isEqualTo("cheap skipped: offer 40.00 below the minimum 50.00 USD (floor/margin)");
    assertThat(d.about("cheap").get(0).ruleId()).isEqualTo("routing-route");
  }

  @Test
  void ringTreeAppliesTheCampaignMarginOverThePublisherPayout() {
    var c =
        campaign(
            PayoutPolicy.fixed(90, 60, Money.usd("200"), 30),
            DuplicateRule.NONE,
            new BigDecimal("20"),
            Money.usd("30"));
    CompiledFlow f =
        routeFlow(
            directory(
                c, List.of(priced("thin", "240", 1, 1), priced("fat", "260", 1, 1)), List.of()),
            "ringTree",
            Map.of("floor", 50L));
    RouteDecision d = route(f, texas(), UsageSnapshot.EMPTY, null);
    // Minimum = max(50, 200 + 30, 200 / 0.8 = 250).
    assertThat(order(d)).containsExactly("fat");
    assertThat(d.about("thin").get(0).message()).contains("below the minimum 250.00");
  }

  @Test
  void ringTreeBreaksTiesDeterministically() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(priced("b", "100", 1, 1), priced("a", "100", 1, 1), rtb("r", 1)),
                List.of()),
            "ringTree",
            Map.of());
    BidCollector bids =
        new ScriptedBidCollector(Map.of("r", ScriptedBid.accept("100", "+15125550179")));
    // Equal prices: fixed before bid, then the order the route lists its targets.
    assertThat(order(route(f, texas(), UsageSnapshot.EMPTY, bids))).containsExactly("a", "b", "r");
  }

  @Test
  void priorityTiersComeBeforePriceInAnAuction() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(priced("tier2", "500", 2, 1), priced("tier1", "100", 1, 1)),
                List.of()),
            "ringTree",
            Map.of());
    assertThat(order(route(f, texas(), UsageSnapshot.EMPTY, null)))
        .containsExactly("tier1", "tier2");
  }

  @Test
  void aBidNamingAPremiumRateOrForeignNumberIsSkippedAndTheNextBidWins() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(rtb("fraud", 1), rtb("abroad", 1), rtb("honest", 1)),
                List.of()),
            "ringTree",
            Map.of("floor", 0L));
    BidCollector bids =
        new ScriptedBidCollector(
            Map.of(
                "fraud",
                ScriptedBid.accept("900", "+19005550100"),
                "abroad",
                ScriptedBid.accept("500", "+18765550100"),
                "honest",
                ScriptedBid.accept("60", "+15125550177")));

    RouteDecision d = route(f, texas(), UsageSnapshot.EMPTY, bids);

    assertThat(order(d)).containsExactly("honest");
    assertThat(d.about("fraud").get(0).message())
        .isEqualTo("fraud skipped: bid destination refused: +19005550100 is a premium-rate number");
    assertThat(d.about("abroad").get(0).message())
        .contains("bid destination refused", "area code 876");
  }

  @Test
  void expiredBidsAndFailedPingsAreSkippedWithTheirReason() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(), List.of(rtb("stale", 1), rtb("slow", 1), rtb("fresh", 1)), List.of()),
            "ringTree",
            Map.of());
    Instant now = Fixtures.WEDNESDAY_10_CHICAGO.plusSeconds(120);
    BidCollector bids =
        (req, targets, deadline) ->
            List.of(
                new PingResult(
                    "stale",
                    PingResult.Status.ACCEPTED,
                    java.util.Optional.of(
                        new Bid(
                            "stale",
                            "b1",
                            Money.usd("300"),
                            new Destination.PhoneNumber("+15125550180"),
                            Fixtures.WEDNESDAY_10_CHICAGO.plusSeconds(60))),
                    200,
                    Duration.ofMillis(30),
                    null),
                new PingResult(
                    "slow",
                    PingResult.Status.TIMEOUT,
                    null,
                    null,
                    Duration.ofMillis(500),
                    "read timed out"),
                new PingResult(
                    "fresh",
                    PingResult.Status.ACCEPTED,
                    java.util.Optional.of(
                        new Bid(
                            "fresh",
                            "b2",
                            Money.usd("100"),
                            new Destination.PhoneNumber("+15125550181"),
                            now.plusSeconds(60))),
                    200,
                    Duration.ofMillis(40),
                    null));
    RouteDecision d =
        route(f, new RouteContext(texas(), UsageSnapshot.EMPTY, Map.of(), 0, 0, now), bids);
    assertThat(order(d)).containsExactly("fresh");
    assertThat(d.about("stale").get(0).message()).startsWith("stale skipped: bid expired at");
    assertThat(d.about("slow").get(0).message())
        .isEqualTo("slow skipped: no bid (timeout: read timed out)");
  }

  @Test
  void performanceCanRankByRevenuePerCall() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(priced("a", "10", 1, 1), priced("b", "10", 1, 1), priced("c", "10", 1, 1)),
                List.of()),
            "performance",
            Map.of("performanceMetric", "revenuePerCall", "defaultRevenuePerCall", "50"));
    Map<String, PerformanceStats> stats =
        Map.of(
            "a",
            new PerformanceStats(10, 1, new BigDecimal("400")),
            "b",
            new PerformanceStats(10, 5, new BigDecimal("900")));
    RouteDecision d =
        route(f, new RouteContext(texas(), UsageSnapshot.EMPTY, stats, 0, 0, null), null);
    assertThat(order(d)).containsExactly("b", "c", "a");
  }

  @Test
  void theRouteRequestDialsACandidateWithItsRingTimeAndRecording() {
    CompiledFlow f =
        routeFlow(
            directory(campaign(), List.of(priced("a", "10", 1, 1)), List.of()),
            "priority",
            Map.of("dialTimeoutSeconds", 20L, "record", false));
    ENGINE.load(f);
    Step s = ENGINE.start(f.versionKey(), texas());
    Candidate c =
        ENGINE
            .route(s.state(), RouteContext.of(texas(), UsageSnapshot.EMPTY), null)
            .winner()
            .orElseThrow();
    var dial = s.route().dial(c, "+18005550100");
    assertThat(dial.timeoutSeconds()).isEqualTo(20);
    assertThat(dial.record()).isFalse();
    assertThat(dial.destination()).isEqualTo(c.dialable());
    assertThat(dial.candidateTargetId()).isEqualTo("a");
  }

  @Test
  void performanceRanksByConversionRateWithADefaultForNewTargets() {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(),
                List.of(
                    priced("weak", "10", 1, 1),
                    priced("new", "10", 1, 1),
                    priced("strong", "10", 1, 1)),
                List.of()),
            "performance",
            Map.of("defaultConversionRate", "0.25"));
    Map<String, PerformanceStats> stats =
        Map.of("weak", new PerformanceStats(100, 10), "strong", new PerformanceStats(100, 40));
    RouteDecision d =
        route(f, new RouteContext(texas(), UsageSnapshot.EMPTY, stats, 0, 0, null), null);
    assertThat(order(d)).containsExactly("strong", "new", "weak");
  }
}
