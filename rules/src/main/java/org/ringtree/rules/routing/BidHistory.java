package org.ringtree.rules.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * What an auction knows in advance about one RTB target: the most it says it will ever bid ({@code
 * declaredMaximum}, a target setting, null when not declared), and what its pings in the look-back
 * window showed: how many were sent, how many it answered (in time or late), its highest bid (null
 * when it never bid) and its slowest answer (null when it never answered). {@code samples}, when
 * known, holds each answer time and each bid of the look-back, for the quantile ceiling and the
 * expected-gain rule of {@link AuctionCloser}; null when only the totals are known.
 */
public record BidHistory(
    BigDecimal declaredMaximum,
    long pings,
    long answers,
    BigDecimal highestBid,
    Duration slowestAnswer,
    BidSamples samples) {

  /** A target nothing is known about: an auction waits for it. */
  public static final BidHistory UNKNOWN = new BidHistory(null, 0, 0, null, null);

  public BidHistory {
    pings = Math.max(pings, 0);
    answers = Math.max(answers, 0);
  }

  /** A history known only by its totals. */
  public BidHistory(
      BigDecimal declaredMaximum,
      long pings,
      long answers,
      BigDecimal highestBid,
      Duration slowestAnswer) {
    this(declaredMaximum, pings, answers, highestBid, slowestAnswer, null);
  }

  /**
   * A history known answer by answer: {@code pings} pings in the look-back, each answer's time (in
   * time or late; a ping without an answer has none) and each bid.
   */
  public static BidHistory ofSamples(
      long pings, List<Duration> answerTimes, List<BigDecimal> bids) {
    BidSamples samples = BidSamples.of(answerTimes, bids);
    return new BidHistory(
        null,
        Math.max(pings, samples.answers()),
        samples.answers(),
        samples.highestBid(),
        samples.slowestAnswer(),
        samples);
  }

  /** This history with the target's declared maximum bid. */
  public BidHistory withDeclaredMaximum(BigDecimal maximum) {
    return new BidHistory(maximum, pings, answers, highestBid, slowestAnswer, samples);
  }
}
