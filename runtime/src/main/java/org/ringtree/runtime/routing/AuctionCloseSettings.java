package org.ringtree.runtime.routing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Target;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * When a route node's auction stops waiting (docs/rtb.md, "When the auction stops waiting"): {@code
 * ringtree.rtb.auction.early-close} (default on), the floor {@code minimum-wait} (100 ms), the
 * {@code answer-margin} added to a target's slowest answer (100 ms), the pings a history needs
 * before it is trusted ({@code minimum-sample}, 5), the {@code history-lookback} (7 days), each
 * fallback for a target's declared maximum bid ({@code max-bids.<targetId>=<amount>}; the target's
 * own {@code maxBid} wins), the quantile of a target's past bids taken as the most it could bid
 * ({@code bid-quantile}, 1: the highest), the expected-gain rule's share of the best offer ({@code
 * max-expected-gain}, default {@link #DEFAULT_MAX_EXPECTED_GAIN}; 0 turns the rule off), and how
 * many of each target's newest pings in the look-back its history is read from ({@code
 * history-pings}, 1000), and how long each target's history is reused before it is read again
 * ({@code history-cache}, 10 s; 0: read on every route node).
 */
@ConfigurationProperties("ringtree.rtb.auction")
public record AuctionCloseSettings(
    Boolean earlyClose,
    Duration minimumWait,
    Duration answerMargin,
    Integer minimumSample,
    Duration historyLookback,
    Map<String, BigDecimal> maxBids,
    Double bidQuantile,
    BigDecimal maxExpectedGain,
    Integer historyPings,
    Duration historyCache) {

  /**
   * The expected-gain rule's default share: in the simulated markets of docs/benchmarks.md
   * ("Auction early close") the largest that gave up under 0.5% of revenue in every market, while
   * halving the median wait in four of the seven (docs/rtb.md says why).
   */
  public static final BigDecimal DEFAULT_MAX_EXPECTED_GAIN = new BigDecimal("0.011");

  @ConstructorBinding
  public AuctionCloseSettings {
    earlyClose = earlyClose == null || earlyClose;
    minimumWait = minimumWait == null ? Duration.ofMillis(100) : minimumWait;
    answerMargin = answerMargin == null ? Duration.ofMillis(100) : answerMargin;
    minimumSample = minimumSample == null ? 5 : minimumSample;
    historyLookback = historyLookback == null ? Duration.ofDays(7) : historyLookback;
    maxBids = maxBids == null ? Map.of() : Map.copyOf(maxBids);
    bidQuantile = bidQuantile == null ? 1.0 : bidQuantile;
    maxExpectedGain = maxExpectedGain == null ? DEFAULT_MAX_EXPECTED_GAIN : maxExpectedGain;
    historyPings = historyPings == null ? 1000 : historyPings;
    historyCache = historyCache == null ? Duration.ofSeconds(10) : historyCache;
    if (historyCache.isNegative()) {
      throw new IllegalArgumentException(
          "ringtree.rtb.auction.history-cache must not be negative, not " + historyCache);
    }
    if (historyPings < 1) {
      throw new IllegalArgumentException(
          "ringtree.rtb.auction.history-pings must be at least 1, not " + historyPings);
    }
    if (bidQuantile <= 0 || bidQuantile > 1) {
      throw new IllegalArgumentException(
          "ringtree.rtb.auction.bid-quantile must be above 0 and at most 1, not " + bidQuantile);
    }
    if (maxExpectedGain != null && maxExpectedGain.signum() < 0) {
      throw new IllegalArgumentException(
          "ringtree.rtb.auction.max-expected-gain must not be negative, not " + maxExpectedGain);
    }
  }

  /** The settings before the quantile ceiling and the expected-gain rule. */
  public AuctionCloseSettings(
      Boolean earlyClose,
      Duration minimumWait,
      Duration answerMargin,
      Integer minimumSample,
      Duration historyLookback,
      Map<String, BigDecimal> maxBids) {
    this(
        earlyClose,
        minimumWait,
        answerMargin,
        minimumSample,
        historyLookback,
        maxBids,
        null,
        null,
        null,
        null);
  }

  /**
   * The most an RTB target says it will ever bid: its own declared maximum (a target field), else
   * {@code max-bids.<targetId>}; null when neither says.
   */
  public BigDecimal declaredMaximum(Target target) {
    if (target.destination() instanceof Destination.RtbEndpoint rtb && rtb.maxBid() != null) {
      return rtb.maxBid().amount();
    }
    return maxBids.get(target.id());
  }
}
