package org.ringtree.editor.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.Function;
import org.ringtree.editor.dashboard.DashboardPort.Totals;

/**
 * The dashboard's figures as data: each one a label, how it is read from a period's {@link Totals},
 * how it is shown, and the call log filter that lists its calls. Adding a figure is one more entry
 * here.
 */
public final class Figures {

  /** How a figure is shown and compared. */
  public enum Kind {
    /** A number of calls; the change is shown in calls and per cent. */
    COUNT,
    /** Exact money with its currency; the change in money and per cent. */
    MONEY,
    /** A share in per cent; the change in percentage points. */
    PERCENT
  }

  /**
   * One figure. {@code value} returns null where it is undefined (a rate over no calls); {@code
   * filter} is the call log's URL parameters beyond the period (empty: the period's calls).
   */
  public record Figure(
      String id, String label, Kind kind, Function<Totals, BigDecimal> value, String filter) {}

  public static final List<Figure> ALL =
      List.of(
          new Figure("calls", "Calls", Kind.COUNT, t -> count(t.calls()), ""),
          new Figure(
              "qualified", "Qualified", Kind.COUNT, t -> count(t.qualified()), "qualified=true"),
          new Figure(
              "connected", "Connected", Kind.COUNT, t -> count(t.connected()), "connected=true"),
          new Figure("billable", "Billable", Kind.COUNT, t -> count(t.billable()), "billable=true"),
          new Figure(
              "duplicates", "Duplicates", Kind.COUNT, t -> count(t.duplicates()), "duplicate=true"),
          new Figure("revenue", "Revenue", Kind.MONEY, Totals::revenue, "billable=true"),
          new Figure("payout", "Payout", Kind.MONEY, Totals::payout, ""),
          new Figure("margin", "Margin", Kind.MONEY, Totals::margin, ""),
          new Figure(
              "margin-pct", "Margin %", Kind.PERCENT, t -> percent(t.margin(), t.revenue()), ""),
          // the telephony of the period's calls (and its number rent): what margin still pays
          new Figure("cost", "Telephony cost", Kind.MONEY, Totals::cost, ""),
          new Figure("profit", "Profit", Kind.MONEY, Totals::profit, ""),
          new Figure(
              "revenue-per-call",
              "Revenue per call",
              Kind.MONEY,
              t ->
                  t.calls() == 0
                      ? null
                      : t.revenue()
                          .divide(BigDecimal.valueOf(t.calls()), 2, RoundingMode.HALF_EVEN),
              ""),
          new Figure(
              "connect-rate",
              "Connect rate",
              Kind.PERCENT,
              t -> percent(count(t.connected()), count(t.calls())),
              "connected=true"),
          new Figure(
              "conversion-rate",
              "Conversion rate",
              Kind.PERCENT,
              t -> percent(count(t.converted()), count(t.calls())),
              "converted=true"));

  private Figures() {}

  static BigDecimal count(long n) {
    return BigDecimal.valueOf(n);
  }

  /** part / whole in per cent to one decimal, or null over nothing. */
  static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    if (whole.signum() == 0) {
      return null;
    }
    return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_EVEN);
  }

  /** The figure as shown: "1,204" calls, "1234.50 USD" (the ledger's cents), "12.5 %", or "—". */
  public static String format(Kind kind, BigDecimal value, String currency) {
    if (value == null) {
      return "—";
    }
    return switch (kind) {
      case COUNT -> String.format(java.util.Locale.ROOT, "%,d", value.longValueExact());
      case MONEY -> money(value, currency);
      case PERCENT -> value.setScale(1, RoundingMode.HALF_EVEN).toPlainString() + " %";
    };
  }

  /** Exact money: the amount to the cent, never through a float, and its currency. */
  public static String money(BigDecimal amount, String currency) {
    return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString() + " " + currency;
  }

  /**
   * The change from {@code before} to {@code now}: "+12 (+8.3 %)" for counts and money, "+1.5 pp"
   * for shares; "new" when there was nothing before, "—" when either side is undefined.
   */
  public static String change(Kind kind, BigDecimal now, BigDecimal before, String currency) {
    if (now == null || before == null) {
      return "—";
    }
    BigDecimal delta = now.subtract(before);
    if (kind == Kind.PERCENT) {
      return signed(delta.setScale(1, RoundingMode.HALF_EVEN).toPlainString(), delta) + " pp";
    }
    String amount =
        kind == Kind.MONEY
            ? signed(delta.setScale(2, RoundingMode.UNNECESSARY).toPlainString(), delta)
                + " "
                + currency
            : signed(String.format(java.util.Locale.ROOT, "%,d", delta.longValueExact()), delta);
    if (before.signum() == 0) {
      return now.signum() == 0 ? "±0" : amount + " (new)";
    }
    BigDecimal pct =
        delta.multiply(BigDecimal.valueOf(100)).divide(before.abs(), 1, RoundingMode.HALF_EVEN);
    return amount + " (" + signed(pct.toPlainString(), pct) + " %)";
  }

  private static String signed(String text, BigDecimal value) {
    return value.signum() > 0
        ? "+" + text
        : value.signum() == 0 ? "±" + text.replace("-", "") : text;
  }
}
