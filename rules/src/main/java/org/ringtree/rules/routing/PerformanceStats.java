package org.ringtree.rules.routing;

/** A target's results over the lookback window, for route-by-performance. */
public record PerformanceStats(long calls, long conversions) {
  public double conversionRate() {
    return calls == 0 ? 0 : (double) conversions / calls;
  }
}
