package org.ringtree.rules.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A target's results over the lookback window, for route-by-performance: calls routed to it,
 * conversions, and revenue earned from them.
 */
public record PerformanceStats(long calls, long conversions, BigDecimal revenue) {

  public PerformanceStats {
    revenue = revenue == null ? BigDecimal.ZERO : revenue;
  }

  public PerformanceStats(long calls, long conversions) {
    this(calls, conversions, BigDecimal.ZERO);
  }

  public double conversionRate() {
    return calls == 0 ? 0 : (double) conversions / calls;
  }

  public BigDecimal revenuePerCall() {
    return calls == 0
        ? BigDecimal.ZERO
        : revenue.divide(BigDecimal.valueOf(calls), 4, RoundingMode.HALF_EVEN);
  }
}
