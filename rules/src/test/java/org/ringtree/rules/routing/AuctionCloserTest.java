package org.ringtree.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
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
  private static final Policy GAIN =
      new Policy(
          true,
          Duration.ofMillis(100),
          Duration.ofMillis(50),
          5,
          true,
          true,
          1,
          new BigDecimal("0.002"));

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

  /**
   * {@code pings} pings; ten answers, at 1000, 1100, … 1900 ms, bidding 30, 31, … 39 (the fastest
   * the lowest).
   */
  private static BidHistory tenAnswers(long pings) {
    List<Duration> times = new ArrayList<>();
    List<BigDecimal> bids = new ArrayList<>();
    for (int i = 9; i >= 0; i--) {
      times.add(ms(1000 + 100L * i));
      bids.add(new BigDecimal(30 + i).setScale(2));
    }
    return BidHistory.ofSamples(pings, times, bids);
  }

  @Test
  void aQuantileOfThePastBidsCanBeTheCeiling() {
    Policy p80 = new Policy(true, ms(100), ms(50), 5, true, true, 0.8, null);
    AuctionCloser closer =
        new AuctionCloser(
            p80,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("slow", 1, tenAnswers(10))),
            BigDecimal.ZERO);

    Verdict v = closer.verdict(ms(150), List.of(bid("fast", "38.50")), List.of("slow"));

    assertThat(((Verdict.Close) v).reason()).isEqualTo(Reason.NONE_CAN_BEAT);
    assertThat(((Verdict.Close) v).notWaitedFor())
        .extracting(Passed::why)
        .containsExactly(
            "T-slow not waited for: its p80 bid in the look-back was 37.00, not above the 38.50 in"
                + " hand");
  }

  @Test
  void theHighestBidStaysTheCeilingByDefaultEvenWithSamples() {
    AuctionCloser closer =
        new AuctionCloser(
            ONE_AUCTION,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("slow", 1, tenAnswers(10))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(150), List.of(bid("fast", "38.50")), List.of("slow")))
        .isEqualTo(new Verdict.Wait(ms(1950)));
  }

  @Test
  void closesWhenTheExpectedGainOfWaitingIsWithinTheShareOfTheBestOffer() {
    AuctionCloser closer =
        new AuctionCloser(
            GAIN,
            List.of(),
            List.of(
                prospect("fast", 1, null),
                prospect("slow", 1, tenAnswers(10)),
                prospect("silent", 1, new BidHistory(null, 12, 0, null, null))),
            BigDecimal.ZERO);

    // only the 39.00 of slow's bids beats 38.50, by 0.50 in 10 answers: 0.05, under 0.077
    Verdict v = closer.verdict(ms(150), List.of(bid("fast", "38.50")), List.of("slow", "silent"));

    assertThat(v)
        .isEqualTo(
            new Verdict.Close(
                Reason.GAIN_TOO_SMALL,
                "waiting could not pay: the expected gain of waiting for T-slow is 0.0500, at most"
                    + " 0.2% of the best offer (0.0770): the best offer in hand is 38.50 (T-fast)",
                List.of(
                    new Passed(
                        "silent", "T-silent not waited for: it answered none of its last 12 pings"),
                    new Passed(
                        "slow",
                        "T-slow not waited for: 1 of its 10 bids in the look-back beat the 38.50 in"
                            + " hand, and 10 of its 10 pings unanswered after 100 ms (150 ms"
                            + " waited less the 50 ms answer margin) were answered later: expected"
                            + " gain 0.0500"))));
    assertThat(closer.closedEarly()).contains((Verdict.Close) v);
    assertThat(closer.closedAt()).isEqualTo(ms(150));
  }

  @Test
  void waitsWhileTheExpectedGainIsAboveTheShareOfTheBestOffer() {
    AuctionCloser closer =
        new AuctionCloser(
            GAIN,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("slow", 1, tenAnswers(10))),
            BigDecimal.ZERO);

    // 36 to 39 beat 35.00 by 1 + 2 + 3 + 4 in 10 answers: 1.00, far above 0.07; asked again at
    // its slowest answer plus the answer margin (1900 + 50), when both rules give it up
    assertThat(closer.verdict(ms(150), List.of(bid("fast", "35.00")), List.of("slow")))
        .isEqualTo(new Verdict.Wait(ms(1950)));
    assertThat(closer.closedEarly()).isEmpty();
  }

  @Test
  void theChanceOfALateAnswerFallsAsTheWaitGrowsForATargetThatSometimesNeverAnswers() {
    // 12 pings, 2 never answered: after 150 ms it still answers in 10 of 12 cases (gain 1/12 of
    // the 1.00 excess over 38.00); after 1450 ms, counted from 1400 ms (the 50 ms answer margin),
    // in 5 of 7 answers-to-come (5/7 of a 0.10 mean)
    AuctionCloser closer =
        new AuctionCloser(
            GAIN,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("slow", 1, tenAnswers(12))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(150), List.of(bid("fast", "38.00")), List.of("slow")))
        .isInstanceOf(Verdict.Wait.class);
    Verdict v = closer.verdict(ms(1450), List.of(bid("fast", "38.00")), List.of("slow"));

    assertThat(((Verdict.Close) v).notWaitedFor())
        .extracting(Passed::why)
        .containsExactly(
            "T-slow not waited for: 1 of its 10 bids in the look-back beat the 38.00 in hand, and"
                + " 5 of its 7 pings unanswered after 1400 ms (1450 ms waited less the 50 ms answer"
                + " margin) were answered later: expected gain 0.0714");
  }

  @Test
  void theExpectedGainRuleAllowsTheAnswerMarginAsTheAnswerTimeRuleDoes() {
    // 1920 ms is past its slowest answer (1900) but within the 50 ms margin: the answer-time rule
    // still waits, and so must the expected-gain rule — the 1900 ms answer still counts as to
    // come (1 of 1 open, a 1.00 mean excess over 35.00, far above 0.07); at 1951 both give it up
    AuctionCloser closer =
        new AuctionCloser(
            GAIN,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("slow", 1, tenAnswers(10))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(1920), List.of(bid("fast", "35.00")), List.of("slow")))
        .isEqualTo(new Verdict.Wait(ms(1950)));
    Verdict v = closer.verdict(ms(1951), List.of(bid("fast", "35.00")), List.of("slow"));
    assertThat(((Verdict.Close) v).notWaitedFor())
        .extracting(Passed::why)
        .containsExactly(
            "T-slow not waited for: its slowest answer in the look-back took 1900 ms, and 1951 ms"
                + " have passed");
  }

  @Test
  void theExpectedGainRuleNeedsTheAnswerByAnswerHistory() {
    // only the totals: the highest bid 39.00 beats 38.50, so the auction waits as before
    AuctionCloser closer =
        new AuctionCloser(
            GAIN,
            List.of(),
            List.of(prospect("fast", 1, null), prospect("slow", 1, answered("39.00", 1900))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(150), List.of(bid("fast", "38.50")), List.of("slow")))
        .isEqualTo(new Verdict.Wait(ms(1950)));
  }

  @Test
  void theExpectedGainRuleWaitsWithoutAnOfferInHand() {
    AuctionCloser closer =
        new AuctionCloser(
            GAIN, List.of(), List.of(prospect("slow", 1, tenAnswers(10))), BigDecimal.ZERO);

    assertThat(closer.verdict(ms(150), List.of(), List.of("slow")))
        .isInstanceOf(Verdict.Wait.class);
  }

  @Test
  void theExpectedGainRuleWaitsForAHigherTier() {
    Policy tiersGain =
        new Policy(true, ms(100), ms(50), 5, true, false, 1, new BigDecimal("0.002"));
    AuctionCloser closer =
        new AuctionCloser(
            tiersGain,
            List.of(),
            List.of(prospect("tier2", 2, null), prospect("tier1", 1, tenAnswers(10))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(150), List.of(bid("tier2", "38.50")), List.of("tier1")))
        .isInstanceOf(Verdict.Wait.class);
  }

  @Test
  void theExpectedGainOfSeveralTargetsIsSummed() {
    // each alone adds 0.05 (under 0.077); together 0.10 (over it)
    AuctionCloser closer =
        new AuctionCloser(
            GAIN,
            List.of(),
            List.of(
                prospect("fast", 1, null),
                prospect("slow", 1, tenAnswers(10)),
                prospect("slower", 1, tenAnswers(10))),
            BigDecimal.ZERO);

    assertThat(closer.verdict(ms(150), List.of(bid("fast", "38.50")), List.of("slow", "slower")))
        .isInstanceOf(Verdict.Wait.class);
    Verdict v = closer.verdict(ms(150), List.of(bid("fast", "38.80")), List.of("slow", "slower"));
    assertThat(((Verdict.Close) v).why())
        .startsWith(
            "waiting could not pay: the expected gain of waiting for the 2 targets that could"
                + " still beat it is 0.0400,");
  }
}
