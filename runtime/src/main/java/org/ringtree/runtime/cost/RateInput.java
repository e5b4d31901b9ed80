package org.ringtree.runtime.cost;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Rates as an admin sends them ({@code PUT /api/costs/rates}). Per-minute rates have at most four
 * decimals (Twilio lists voice prices to the tenth of a cent, e.g. 0.0085), rent whole cents; none
 * is negative. {@link #check()} names the first field that is wrong.
 */
public record RateInput(
    String currency,
    BigDecimal inboundPerMinute,
    BigDecimal dialledPerMinute,
    BigDecimal recordingPerMinute,
    BigDecimal numberRentPerMonth) {

  static final BigDecimal MAX_PER_MINUTE = new BigDecimal("100");
  static final BigDecimal MAX_RENT = new BigDecimal("10000");

  /** The input with defaults filled in, or a {@link CostProblem} (400) naming the bad field. */
  RateInput check() {
    String cur = currency == null || currency.isBlank() ? "USD" : currency.strip();
    if (!cur.matches("[A-Za-z]{3}")) {
      throw CostProblem.badRequest("currency: a three-letter ISO 4217 code such as USD");
    }
    return new RateInput(
        cur.toUpperCase(Locale.ROOT),
        amount("inboundPerMinute", inboundPerMinute, 4, MAX_PER_MINUTE),
        amount("dialledPerMinute", dialledPerMinute, 4, MAX_PER_MINUTE),
        amount("recordingPerMinute", recordingPerMinute, 4, MAX_PER_MINUTE),
        amount("numberRentPerMonth", numberRentPerMonth, 2, MAX_RENT));
  }

  private static BigDecimal amount(String field, BigDecimal value, int decimals, BigDecimal max) {
    if (value == null) {
      throw CostProblem.badRequest(field + ": required");
    }
    if (value.signum() < 0) {
      throw CostProblem.badRequest(field + ": must not be negative, was " + value.toPlainString());
    }
    BigDecimal plain = value.stripTrailingZeros();
    if (plain.scale() > decimals) {
      throw CostProblem.badRequest(
          field + ": at most " + decimals + " decimals, was " + value.toPlainString());
    }
    if (value.compareTo(max) > 0) {
      throw CostProblem.badRequest(
          field + ": at most " + max.toPlainString() + ", was " + value.toPlainString());
    }
    return value.setScale(decimals);
  }
}
