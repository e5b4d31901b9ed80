package org.ringtree.editor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.dashboard.DashboardPort.Totals;

class FiguresTest {

  static Totals totals(long calls, long connected, String revenue, String payout) {
    return new Totals(
        "USD",
        calls,
        calls,
        connected,
        connected,
        0,
        1,
        new BigDecimal(revenue),
        new BigDecimal(payout),
        new BigDecimal("1.37"));
  }

  static BigDecimal value(String id, Totals t) {
    return Figures.ALL.stream()
        .filter(f -> f.id().equals(id))
        .findFirst()
        .orElseThrow()
        .value()
        .apply(t);
  }

  @Test
  void moneyIsTheLedgersCentsWithItsCurrencyNeverAFloat() {
    assertThat(Figures.money(new BigDecimal("0.10").add(new BigDecimal("0.20")), "USD"))
        .isEqualTo("0.30 USD");
    assertThat(Figures.money(new BigDecimal("1234567.5"), "EUR")).isEqualTo("1234567.50 EUR");
    assertThat(Figures.format(Figures.Kind.COUNT, BigDecimal.valueOf(1204), "USD"))
        .isEqualTo("1,204");
  }

  @Test
  void marginAndRatesFollowFromTheTotals() {
    Totals t = totals(3, 2, "930.00", "600.00");
    assertThat(value("margin", t)).isEqualByComparingTo("330.00");
    assertThat(value("margin-pct", t)).isEqualByComparingTo("35.5");
    assertThat(value("cost", t)).isEqualByComparingTo("1.37");
    // profit = revenue − payout − cost, to the cent
    assertThat(value("profit", t)).isEqualByComparingTo("328.63");
    assertThat(value("revenue-per-call", t)).isEqualByComparingTo("310.00");
    assertThat(value("connect-rate", t)).isEqualByComparingTo("66.7");
    assertThat(value("conversion-rate", t)).isEqualByComparingTo("33.3");
  }

  @Test
  void ratesOverNoCallsAreUndefinedNotZero() {
    Totals none = Totals.zero("USD");
    assertThat(value("margin-pct", none)).isNull();
    assertThat(value("revenue-per-call", none)).isNull();
    assertThat(Figures.format(Figures.Kind.PERCENT, null, "USD")).isEqualTo("—");
  }

  @Test
  void changesAreAmountsAndPerCentOrPercentagePoints() {
    assertThat(
            Figures.change(
                Figures.Kind.MONEY, new BigDecimal("620.00"), new BigDecimal("310.00"), "USD"))
        .isEqualTo("+310.00 USD (+100.0 %)");
    assertThat(Figures.change(Figures.Kind.COUNT, BigDecimal.ONE, BigDecimal.valueOf(4), "USD"))
        .isEqualTo("-3 (-75.0 %)");
    assertThat(
            Figures.change(
                Figures.Kind.PERCENT, new BigDecimal("35.5"), new BigDecimal("40.0"), "USD"))
        .isEqualTo("-4.5 pp");
    assertThat(Figures.change(Figures.Kind.MONEY, new BigDecimal("5.00"), BigDecimal.ZERO, "USD"))
        .isEqualTo("+5.00 USD (new)");
    assertThat(Figures.change(Figures.Kind.COUNT, BigDecimal.ZERO, BigDecimal.ZERO, "USD"))
        .isEqualTo("±0");
    assertThat(Figures.change(Figures.Kind.PERCENT, null, BigDecimal.ONE, "USD")).isEqualTo("—");
  }

  @Test
  void figuresWithACallLogFilterNameIt() {
    assertThat(Figures.ALL)
        .filteredOn(f -> f.id().equals("billable"))
        .singleElement()
        .extracting(Figures.Figure::filter)
        .isEqualTo("billable=true");
  }
}
