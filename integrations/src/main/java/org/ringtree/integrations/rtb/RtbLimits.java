package org.ringtree.integrations.rtb;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Sanity limits applied to every parsed bid.
 *
 * @param maxAmount a bid above this is treated as a buyer bug (INVALID), not as a winner
 * @param defaultCurrency the currency of bids that do not name one
 */
public record RtbLimits(BigDecimal maxAmount, String defaultCurrency) {

  public RtbLimits {
    Objects.requireNonNull(maxAmount, "maxAmount");
    Objects.requireNonNull(defaultCurrency, "defaultCurrency");
    if (maxAmount.signum() <= 0) {
      throw new IllegalArgumentException("maxAmount must be positive: " + maxAmount);
    }
  }

  /** At most 10,000 per call, in USD unless the bid says otherwise. */
  public static RtbLimits defaults() {
    return new RtbLimits(new BigDecimal("10000"), "USD");
  }
}
