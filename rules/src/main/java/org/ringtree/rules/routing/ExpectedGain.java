package org.ringtree.rules.routing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import org.ringtree.rules.routing.AuctionCloser.Offer;
import org.ringtree.rules.routing.AuctionCloser.Policy;
import org.ringtree.rules.routing.AuctionCloser.Prospect;

/**
 * The expected-gain rule of {@link AuctionCloser} for one pending target that could beat the best
 * offer: what waiting for it is expected to add, and the counts that say so — {@code above} of its
 * bids beat {@code best}; of its {@code open} pings not answered by {@code elapsed} less the answer
 * {@code margin} (the allowance the answer-time rule gives too), {@code later} were answered later.
 */
record ExpectedGain(
    Prospect prospect,
    BigDecimal gain,
    int above,
    long later,
    long open,
    BigDecimal best,
    Duration elapsed,
    Duration margin) {

  /**
   * What waiting for {@code p} is expected to add to the best offer: the chance it still answers
   * (of its pings not answered by {@code elapsed} less the answer margin, the share answered later)
   * times its bid rate times the mean excess of its bids over the best offer. Null when the rule is
   * off or cannot judge: no offer in hand, a higher tier than the offer in hand, or no
   * answer-by-answer history of at least the minimum sample.
   */
  static ExpectedGain weigh(Policy policy, Prospect p, Offer best, Duration elapsed) {
    BidHistory h = p.history();
    BidSamples s = h.samples();
    if (policy.maxExpectedGain() == null
        || !policy.byPrice()
        || best == null
        || (!policy.oneAuction() && p.tier() < best.tier())
        || s == null
        || s.answers() < policy.minimumSample()) {
      return null;
    }
    // judged as the answer-time rule judges: an answer within the margin of its slowest still
    // counts
    Duration waited = elapsed.minus(policy.answerMargin());
    long later = s.answersSlowerThan(waited.isNegative() ? Duration.ZERO : waited);
    long unanswered = Math.max(0, h.pings() - s.answers());
    long open = later + unanswered;
    int above = s.bidsAbove(best.amount());
    BigDecimal gain =
        open == 0 || above == 0
            ? BigDecimal.ZERO
            : s.excessOver(best.amount())
                .multiply(BigDecimal.valueOf(later))
                .divide(
                    BigDecimal.valueOf(open).multiply(BigDecimal.valueOf(s.answers())),
                    MathContext.DECIMAL64);
    Duration margin = waited.isNegative() ? elapsed : policy.answerMargin();
    return new ExpectedGain(p, gain, above, later, open, best.amount(), elapsed, margin);
  }

  /** Why the target was not waited for, with its numbers. */
  String why() {
    return prospect.name()
        + " not waited for: "
        + above
        + " of its "
        + prospect.history().samples().bids()
        + " bids in the look-back beat the "
        + AuctionCloser.money(best)
        + " in hand, and "
        + later
        + " of its "
        + open
        + " pings unanswered after "
        + (margin.isZero()
            ? elapsed.toMillis() + " ms"
            : elapsed.minus(margin).toMillis()
                + " ms ("
                + elapsed.toMillis()
                + " ms waited less the "
                + margin.toMillis()
                + " ms answer margin)")
        + " were answered later: expected gain "
        + text(gain);
  }

  /** An expected gain: four decimals, since it is often a fraction of a cent. */
  static String text(BigDecimal amount) {
    return amount.setScale(4, RoundingMode.HALF_EVEN).toPlainString();
  }
}
