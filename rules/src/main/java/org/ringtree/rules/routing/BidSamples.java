package org.ringtree.rules.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A target's answers in the look-back one by one, for the expected-gain rule of {@link
 * AuctionCloser}: how long each answer took and each bid it made (docs/rtb.md, "When the auction
 * stops waiting"). Immutable; counts and sums are read by binary search, so a closer may ask on
 * every answer.
 */
public final class BidSamples {

  private final long[] answerNanos;
  private final BigDecimal[] bids;
  // sumFrom[i] = bids[i] + … + bids[n - 1]; sumFrom[n] = 0
  private final BigDecimal[] sumFrom;

  private BidSamples(long[] answerNanos, BigDecimal[] bids) {
    this.answerNanos = answerNanos;
    this.bids = bids;
    this.sumFrom = new BigDecimal[bids.length + 1];
    sumFrom[bids.length] = BigDecimal.ZERO;
    for (int i = bids.length - 1; i >= 0; i--) {
      sumFrom[i] = sumFrom[i + 1].add(bids[i]);
    }
  }

  /**
   * @param answerTimes how long each answer in the look-back took (in time or late), any order
   * @param bids each bid made in the look-back, any order
   */
  public static BidSamples of(List<Duration> answerTimes, List<BigDecimal> bids) {
    long[] nanos = new long[answerTimes.size()];
    for (int i = 0; i < nanos.length; i++) {
      nanos[i] = answerTimes.get(i).toNanos();
    }
    if (!sorted(nanos)) {
      Arrays.sort(nanos);
    }
    BigDecimal[] amounts = bids.toArray(BigDecimal[]::new);
    // TimSort: linear on the already-sorted lists a caller may keep
    Arrays.sort(amounts);
    return new BidSamples(nanos, amounts);
  }

  private static boolean sorted(long[] values) {
    for (int i = 1; i < values.length; i++) {
      if (values[i] < values[i - 1]) {
        return false;
      }
    }
    return true;
  }

  /** How many answers there are. */
  public int answers() {
    return answerNanos.length;
  }

  /** How many bids there are. */
  public int bids() {
    return bids.length;
  }

  /** The slowest answer; null when there is none. */
  public Duration slowestAnswer() {
    return answerNanos.length == 0 ? null : Duration.ofNanos(answerNanos[answerNanos.length - 1]);
  }

  /** The highest bid; null when there is none. */
  public BigDecimal highestBid() {
    return bids.length == 0 ? null : bids[bids.length - 1];
  }

  /** How many answers took longer than {@code elapsed}. */
  public int answersSlowerThan(Duration elapsed) {
    long t = elapsed.toNanos();
    int lo = 0;
    int hi = answerNanos.length;
    // the first answer slower than t
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (answerNanos[mid] <= t) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return answerNanos.length - lo;
  }

  /**
   * The bid at {@code quantile} (0 to 1, nearest rank: 0.95 is the lowest bid at or above 95% of
   * the bids, 1 the highest); null when there is no bid.
   */
  public BigDecimal bidQuantile(double quantile) {
    if (bids.length == 0) {
      return null;
    }
    int rank = (int) Math.ceil(Math.min(1, Math.max(0, quantile)) * bids.length);
    return bids[Math.max(0, Math.min(bids.length - 1, rank - 1))];
  }

  /** How many bids were above {@code amount}. */
  public int bidsAbove(BigDecimal amount) {
    return bids.length - firstAbove(amount);
  }

  /** The sum of what each bid above {@code amount} exceeded it by. */
  public BigDecimal excessOver(BigDecimal amount) {
    int first = firstAbove(amount);
    return sumFrom[first].subtract(amount.multiply(BigDecimal.valueOf(bids.length - first)));
  }

  private int firstAbove(BigDecimal amount) {
    int lo = 0;
    int hi = bids.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (bids[mid].compareTo(amount) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BidSamples other
        && Arrays.equals(answerNanos, other.answerNanos)
        && Arrays.equals(bids, other.bids);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(answerNanos) + Arrays.hashCode(bids);
  }

  @Override
  public String toString() {
    return "BidSamples[" + answerNanos.length + " answers, " + bids.length + " bids]";
  }
}
