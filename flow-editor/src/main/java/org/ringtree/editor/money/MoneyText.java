package org.ringtree.editor.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/** Money and waiting times as the money screens show them: exact cents with the currency. */
public final class MoneyText {

  private MoneyText() {}

  /** "310.00 USD", "-20.50 USD"; the ledger's cents, never a float. */
  public static String money(BigDecimal amount, String currency) {
    if (amount == null) {
      return "";
    }
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
        + (currency == null ? "" : " " + currency);
  }

  /** A change with its sign: "+12.00 USD", "-310.00 USD", "0.00 USD". */
  public static String change(BigDecimal amount, String currency) {
    return (amount != null && amount.signum() > 0 ? "+" : "") + money(amount, currency);
  }

  /** How long a dispute has waited: "45 min", "5 h 3 min", "2 d 4 h". */
  public static String age(Instant since, Instant now) {
    Duration d = Duration.between(since, now);
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    if (d.toDays() > 0) {
      return d.toDays() + " d " + d.toHoursPart() + " h";
    }
    if (d.toHours() > 0) {
      return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
    return d.toMinutes() + " min";
  }
}
