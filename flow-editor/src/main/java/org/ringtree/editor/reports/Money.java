package org.ringtree.editor.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money and shares as the screens show them: the ledger's exact cents with the currency. */
final class Money {

  private Money() {}

  /** "1234.50 USD": the amount to the cent, never through a float. */
  static String of(BigDecimal amount, String currency) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString() + " " + currency;
  }

  /** Margin as a share of revenue, "12.5 %", or "—" when there was no revenue. */
  static String marginPercent(BigDecimal margin, BigDecimal revenue) {
    if (revenue.signum() == 0) {
      return "—";
    }
    return margin
            .multiply(BigDecimal.valueOf(100))
            .divide(revenue, 1, RoundingMode.HALF_EVEN)
            .toPlainString()
        + " %";
  }
}
