package org.ringtree.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.AuctionCloser.Offer;
import org.ringtree.rules.routing.AuctionCloser.Passed;
import org.ringtree.rules.routing.AuctionCloser.Policy;
import org.ringtree.rules.routing.AuctionCloser.Prospect;
import org.ringtree.rules.routing.AuctionCloser.Reason;
import org.ringtree.rules.routing.AuctionCloser.Verdict;

class AuctionCloserTest {

  private static final Policy ONE_AUCTION =
      new Policy(true, Duration.ofMillis(100), Duration.ofMillis(50), 5, true, true);
  private static final Policy TIERS =
      new Policy(true, Duration.ofMillis(100), Duration.ofMillis(50), 5, true, false);

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }

  private static PingResult bid(String target, String amount) {
    return new PingResult(
        target,
        PingResult.Status.ACCEPTED,
        Optional.of(
            new Bid(
                target,
                null,
                Money.usd(amount),
                new Destination.PhoneNumber("+15125550100"),
                null)),
        200,
        ms(30),
        "bid " + amount);
  }

  private static Prospect prospect(String id, int tier, BidHistory h) {
    return new Prospect(id, "T-" + id, tier, h);
  }

  /** 20 pings, all answered within {@code slowest} ms, the highest bid {@code highest}. */
  private static BidHistory answered(String highest, long slowest) {
    return new BidHistory(
        null, 20, 20, highest == null ? null : new BigDecimal(highest), ms(slowest));
  }

  @Test
  void closesAsSoonAsEveryTargetAnsweredEvenBeforeTheFloor() {
    AuctionCloser closer =
        new AuctionCloser(ONE_AUCTION, List.of(), List.of(prospect("a", 1, null)), BigDecimal.ZERO);

    Verdict v = closer.verdict(ms(10), List.of(bid("a", "10")), List.of());

    assertThat(v).isInstanceOf(Verdict.Close.class);
    assertThat(((Verdict.Close) v).reason()).isEqualTo(Reason.ALL_ANSWERED);
    assertThat(((Verdict.Close) v).notWaitedFor()).isEmpty();
  }

  @Test
  void waitsForATargetNothingIsKnownAbout() {
    AuctionCloser closer =
        new AuctionCloser(
            ONE_AUCTION,
            List.of(),
            List.of(prospect("a", 1, null), prospect("new", 1, BidHistory.UNKNOWN)),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(500), List.of(bid("a", "90")), List.of("new")))
        .isEqualTo(new Verdict.Wait(null));
  }

  @Test
  void closesWhenThePendingTargetsHighestBidInTheLookBackCannotBeatTheBestInHand() {
    AuctionCloser closer =
        new AuctionCloser(
            ONE_AUCTION,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("slow", 1, answered("30.00", 1800))),
            BigDecimal.ZERO);

    Verdict v = closer.verdict(ms(150), List.of(bid("fast", "42.50")), List.of("slow"));

    assertThat(v)
        .isEqualTo(
            new Verdict.Close(
                Reason.NONE_CAN_BEAT,
                "no pending target could beat the best offer: the best offer in hand is 42.50"
                    + " (T-fast)",
                List.of(
                    new Passed(
                        "slow",
                        "T-slow not waited for: its highest bid in the look-back was 30.00, not"
                            + " above the 42.50 in hand"))));
  }

  @Test
  void keepsWaitingForATargetWhoseHistoryShowsAHigherBid() {
    AuctionCloser closer =
        new AuctionCloser(
            ONE_AUCTION,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("slow", 1, answered("60.00", 1800))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(150), List.of(bid("fast", "42.50")), List.of("slow")))
        .isEqualTo(new Verdict.Wait(ms(1850)));
  }

  @Test
  void aDeclaredMaximumBidWinsOverTheHistory() {
    BidHistory history = answered("60.00", 1800).withDeclaredMaximum(new BigDecimal("40"));
    AuctionCloser closer =
        new AuctionCloser(
            ONE_AUCTION,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("slow", 1, history)),
            BigDecimal.ZERO);

    Verdict v = closer.verdict(ms(150), List.of(bid("fast", "42.50")), List.of("slow"));

    assertThat(((Verdict.Close) v).notWaitedFor())
        .extracting(Passed::why)
        .containsExactly(
            "T-slow not waited for: its declared maximum bid 40.00, not above the 42.50 in hand");
  }

  @Test
  void neverClosesEarlyBeforeTheMinimumWait() {
    AuctionCloser closer =
        new AuctionCloser(
            ONE_AUCTION,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("slow", 1, answered("1.00", 1800))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(40), List.of(bid("fast", "42.50")), List.of("slow")))
        .isEqualTo(new Verdict.Wait(ms(100)));
  }

  @Test
  void aBidBelowTheNodesMinimumIsNotTheBestInHand() {
    AuctionCloser closer =
        new AuctionCloser(
            ONE_AUCTION,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("slow", 1, answered("30.00", 1800))),
            new BigDecimal("50"));

    assertThat(closer.verdict(ms(150), List.of(bid("fast", "42.50")), List.of("slow")))
        .isInstanceOf(Verdict.Wait.class);
  }

  @Test
  void aFixedPriceInHandCountsAsTheBestOffer() {
    AuctionCloser closer =
        new AuctionCloser(
            ONE_AUCTION,
            List.of(new Offer("acme", "Acme", 1, new BigDecimal("50"))),
            List.of(prospect("slow", 1, answered("45.00", 1800))),
            BigDecimal.ZERO);

    Verdict v = closer.verdict(ms(150), List.of(), List.of("slow"));

    assertThat(((Verdict.Close) v).why())
        .isEqualTo(
            "no pending target could beat the best offer: the best offer in hand is 50.00 (Acme)");
  }

  @Test
  void withTiersAPendingTargetOfAHigherTierIsWaitedForWhateverItsPrice() {
    AuctionCloser closer =
        new AuctionCloser(
            TIERS,
            List.of(),
            List.of(prospect("tier2", 2, null), prospect("tier1", 1, answered("5.00", 1800))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(150), List.of(bid("tier2", "99")), List.of("tier1")))
        .isInstanceOf(Verdict.Wait.class);
  }

  @Test
  void withTiersAPendingTargetOfALowerTierIsNotWaitedFor() {
    AuctionCloser closer =
        new AuctionCloser(
            TIERS,
            List.of(),
            List.of(prospect("tier1", 1, null), prospect("tier2", 2, answered("500", 1800))),
            BigDecimal.ZERO);

    Verdict v = closer.verdict(ms(150), List.of(bid("tier1", "10")), List.of("tier2"));

    assertThat(((Verdict.Close) v).notWaitedFor())
        .extracting(Passed::why)
        .containsExactly("T-tier2 not waited for: tier 2 comes after the tier 1 offer in hand");
  }

  @Test
  void aTargetThatNeverAnsweredInTheLookBackIsNotWaitedForEvenWithoutAnOffer() {
    AuctionCloser closer =
        new AuctionCloser(
            ONE_AUCTION,
            List.of(),
            List.of(prospect("silent", 1, new BidHistory(null, 12, 0, null, null))),
            BigDecimal.ZERO);

    Verdict v = closer.verdict(ms(100), List.of(), List.of("silent"));

    assertThat(((Verdict.Close) v).notWaitedFor())
        .extracting(Passed::why)
        .containsExactly("T-silent not waited for: it answered none of its last 12 pings");
  }

  @Test
  void aTargetLaterThanItsSlowestAnswerPlusTheMarginIsNotWaitedFor() {
    AuctionCloser closer =
        new AuctionCloser(
            ONE_AUCTION,
            List.of(),
            List.of(prospect("usual", 1, answered("80.00", 300))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(340), List.of(), List.of("usual")))
        .isEqualTo(new Verdict.Wait(ms(350)));
    assertThat(
            ((Verdict.Close) closer.verdict(ms(351), List.of(), List.of("usual"))).notWaitedFor())
        .extracting(Passed::why)
        .containsExactly(
            "T-usual not waited for: its slowest answer in the look-back took 300 ms, and 351 ms"
                + " have passed");
  }

  @Test
  void historyShorterThanTheMinimumSampleIsNotTrusted() {
    AuctionCloser closer =
        new AuctionCloser(
            ONE_AUCTION,
            List.of(),
            List.of(
                prospect("fast", 1, null),
                prospect("slow", 1, new BidHistory(null, 4, 4, new BigDecimal("1"), ms(100)))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(1000), List.of(bid("fast", "42.50")), List.of("slow")))
        .isEqualTo(new Verdict.Wait(null));
  }

  @Test
  void withoutEarlyCloseItWaitsForEveryTarget() {
    AuctionCloser closer = AuctionCloser.waitForAll();

    assertThat(closer.verdict(ms(1500), List.of(bid("fast", "42.50")), List.of("slow")))
        .isEqualTo(new Verdict.Wait(null));
  }

  @Test
  void forMethodsThatDoNotRankByPriceOnlyTheAnswerTimeRuleClosesEarly() {
    Policy byTurn = new Policy(true, ms(100), ms(50), 5, false, false);
    AuctionCloser closer =
        new AuctionCloser(
            byTurn,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("cheap", 1, answered("1.00", 1800))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(150), List.of(bid("fast", "42.50")), List.of("cheap")))
        .isEqualTo(new Verdict.Wait(ms(1850)));
  }
}
