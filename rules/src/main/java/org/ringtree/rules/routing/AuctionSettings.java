package org.ringtree.rules.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a route node's auction may close early (docs/rtb.md, "When the auction stops waiting"), and
 * the bid history of the targets it may ping. {@link #WAIT_FOR_ALL} waits for every target. {@code
 * bidQuantile} (0–1; 1, the highest bid, by default) and {@code maxExpectedGain} (a share of the
 * best offer; null: off) are the closer's {@link AuctionCloser.Policy} settings of the same names.
 */
public record AuctionSettings(
    boolean earlyClose,
    Duration minimumWait,
    Duration answerMargin,
    int minimumSample,
    double bidQuantile,
    BigDecimal maxExpectedGain,
    Map<String, BidHistory> histories) {

  public static final AuctionSettings WAIT_FOR_ALL =
      new AuctionSettings(false, Duration.ZERO, Duration.ZERO, 1, Map.of());

  public AuctionSettings {
    Objects.requireNonNull(minimumWait, "minimumWait");
    Objects.requireNonNull(answerMargin, "answerMargin");
    histories = histories == null ? Map.of() : Map.copyOf(histories);
  }

  /** Settings without the quantile ceiling or the expected-gain rule. */
  public AuctionSettings(
      boolean earlyClose,
      Duration minimumWait,
      Duration answerMargin,
      int minimumSample,
      Map<String, BidHistory> histories) {
    this(earlyClose, minimumWait, answerMargin, minimumSample, 1, null, histories);
  }

  public BidHistory history(String targetId) {
    return histories.getOrDefault(targetId, BidHistory.UNKNOWN);
  }

  /** The closer's policy for a node that ranks by {@code method}. */
  public AuctionCloser.Policy policy(String method, boolean oneAuction) {
    return new AuctionCloser.Policy(
        earlyClose,
        minimumWait,
        answerMargin,
        minimumSample,
        "ringTree".equals(method),
        oneAuction,
        bidQuantile,
        maxExpectedGain);
  }
}
