package org.ringtree.rules.routing;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * What an auction knows in advance about one RTB target: the most it says it will ever bid ({@code
 * declaredMaximum}, a target setting, null when not declared), and what its pings in the look-back
 * window showed: how many were sent, how many it answered (in time or late), its highest bid (null
 * when it never bid) and its slowest answer (null when it never answered).
 */
public record BidHistory(
    BigDecimal declaredMaximum,
    long pings,
    long answers,
    BigDecimal highestBid,
    Duration slowestAnswer) {

  /** A target nothing is known about: an auction waits for it. */
  public static final BidHistory UNKNOWN = new BidHistory(null, 0, 0, null, null);

  public BidHistory {
    pings = Math.max(pings, 0);
    answers = Math.max(answers, 0);
  }

  /** This history with the target's declared maximum bid. */
  public BidHistory withDeclaredMaximum(BigDecimal maximum) {
    return new BidHistory(maximum, pings, answers, highestBid, slowestAnswer);
  }
}
