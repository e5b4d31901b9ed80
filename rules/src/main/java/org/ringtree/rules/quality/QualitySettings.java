package org.ringtree.rules.quality;

import java.time.Duration;

/**
 * How the quality tests judge: a duration in [threshold, threshold + {@code clusterSeconds}) counts
 * as "just past the billable threshold"; a call is a repeat when its caller called the network in
 * the {@code repeatWindow} before it; a test flags when its one-sided p-value is below {@code
 * alpha} and the publisher's source has at least {@code minimumCalls} calls in the window.
 */
public record QualitySettings(
    int clusterSeconds, Duration repeatWindow, double alpha, int minimumCalls) {

  /** 15 s past the threshold, repeats within 24 h, p < 0.001, at least 30 calls. */
  public static final QualitySettings DEFAULT =
      new QualitySettings(15, Duration.ofHours(24), 0.001, 30);

  public QualitySettings {
    if (clusterSeconds < 1 || clusterSeconds > 600) {
      throw new IllegalArgumentException("the cluster band is 1 to 600 seconds");
    }
    if (repeatWindow == null || repeatWindow.isNegative() || repeatWindow.isZero()) {
      throw new IllegalArgumentException("the repeat window is longer than zero");
    }
    if (!(alpha > 0 && alpha < 0.5)) {
      throw new IllegalArgumentException("alpha is between 0 and 0.5, not " + alpha);
    }
    if (minimumCalls < 1) {
      throw new IllegalArgumentException("at least one call");
    }
  }
}
