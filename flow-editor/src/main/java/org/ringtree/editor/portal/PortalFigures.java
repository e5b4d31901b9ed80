package org.ringtree.editor.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * A party's figures over one period: its calls, how many of them were billable (a buyer's) or
 * payable (a publisher's), and its money per currency — a publisher's payout or a buyer's spend.
 */
public record PortalFigures(String period, long calls, long billable, List<Amount> money) {

  public PortalFigures {
    money = List.copyOf(money);
  }

  /** An exact amount in one currency, as the ledger holds it. */
  public record Amount(BigDecimal amount, String currency) {

    /** "200.00 USD": the ledger's cents, never through a float. */
    public String shown() {
      return text(amount, currency);
    }
  }

  /** "200.00 USD" for an amount, "—" when there is none. */
  public static String text(BigDecimal amount, String currency) {
    if (amount == null) {
      return "—";
    }
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
        + " "
        + (currency == null ? "" : currency.strip());
  }

  /** Every currency's amount, "0.00" when the period has none. */
  public String moneyShown() {
    if (money.isEmpty()) {
      return "0.00";
    }
    return String.join(" + ", money.stream().map(Amount::shown).toList());
  }
}
