package org.ringtree.editor.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTableTest {

  static ReportsPort.Line line(String key, String day, String currency, String rev, String pay) {
    BigDecimal revenue = new BigDecimal(rev);
    BigDecimal payout = new BigDecimal(pay);
    BigDecimal cost = new BigDecimal("0.35");
    return new ReportsPort.Line(
        key,
        day == null ? null : LocalDate.parse(day).atStartOfDay(),
        currency,
        3,
        2,
        2,
        0,
        1,
        revenue,
        payout,
        revenue.subtract(payout),
        cost,
        revenue.subtract(payout).subtract(cost));
  }

  static ReportQuery query(ReportsPort.GroupBy by, ReportsPort.Bucket bucket) {
    return new ReportQuery(
        by,
        bucket,
        LocalDate.parse("2026-11-23"),
        LocalDate.parse("2026-11-29"),
        ZoneId.of("UTC"),
        null,
        null,
        null,
        null,
        null);
  }

  static ReportTable.Column column(ReportTable t, String id) {
    return t.columns().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void moneyCellsShowTheLedgersCentsWithTheCurrencyAndMarginAsAShareOfRevenue() {
    ReportTable t =
        new ReportTable(query(ReportsPort.GroupBy.PUBLISHER, ReportsPort.Bucket.DAY), Map.of());
    ReportsPort.Line l = line("sunrise-media", "2026-11-25", "USD", "500.10", "400.01");
    assertThat(column(t, "revenue").cell().apply(l)).isEqualTo("500.10 USD");
    assertThat(column(t, "margin").cell().apply(l)).isEqualTo("100.09 USD");
    assertThat(column(t, "profit").cell().apply(l)).isEqualTo("99.74 USD");
    assertThat(column(t, "margin-percent").cell().apply(l)).isEqualTo("20.0 %");
    assertThat(
            column(t, "margin-percent")
                .cell()
                .apply(line("x", "2026-11-25", "USD", "0.00", "0.00")))
        .isEqualTo("—");
  }

  @Test
  void keysShowDirectoryNamesWithTheirIdsAndPeriodsReadAsTheirBucket() {
    ReportTable byDay =
        new ReportTable(
            query(ReportsPort.GroupBy.PUBLISHER, ReportsPort.Bucket.DAY),
            Map.of("sunrise-media", "Sunrise Media"));
    assertThat(byDay.key(line("sunrise-media", "2026-11-25", "USD", "1.00", "0.00")))
        .isEqualTo("Sunrise Media (sunrise-media)");
    assertThat(byDay.key(line("gone", "2026-11-25", "USD", "1.00", "0.00"))).isEqualTo("gone");
    assertThat(byDay.key(line("", "2026-11-25", "USD", "1.00", "0.00"))).isEqualTo("(none)");
    assertThat(byDay.period(line("a", "2026-11-25", "USD", "1.00", "0.00")))
        .isEqualTo("2026-11-25");
    ReportTable byWeek =
        new ReportTable(query(ReportsPort.GroupBy.BUYER, ReportsPort.Bucket.WEEK), Map.of());
    assertThat(byWeek.period(line("a", "2026-11-23", "USD", "1.00", "0.00")))
        .isEqualTo("week of 2026-11-23");
    ReportTable total =
        new ReportTable(query(ReportsPort.GroupBy.BUYER, ReportsPort.Bucket.TOTAL), Map.of());
    assertThat(total.period(line("a", null, "USD", "1.00", "0.00")))
        .isEqualTo("2026-11-23 – 2026-11-29");
  }

  @Test
  void theTotalsRowShowsOneTotalPerCurrency() {
    ReportTable t =
        new ReportTable(query(ReportsPort.GroupBy.PUBLISHER, ReportsPort.Bucket.DAY), Map.of());
    List<ReportsPort.Line> totals =
        List.of(line("", null, "EUR", "10.00", "8.00"), line("", null, "USD", "750.25", "600.20"));
    assertThat(t.total(column(t, "revenue"), totals)).isEqualTo("10.00 EUR · 750.25 USD");
    assertThat(t.total(column(t, "calls"), totals)).isEqualTo("3 · 3");
    assertThat(t.total(column(t, "key"), totals)).isEqualTo("Total");
  }

  @Test
  void columnsSortByTheirValuesNotTheirText() {
    ReportTable t =
        new ReportTable(query(ReportsPort.GroupBy.PUBLISHER, ReportsPort.Bucket.DAY), Map.of());
    ReportsPort.Line small = line("a", "2026-11-25", "USD", "9.99", "0.00");
    ReportsPort.Line big = line("b", "2026-11-25", "USD", "100.00", "0.00");
    ReportsPort.Line mid = line("c", "2026-11-24", "USD", "20.00", "19.00");
    List<ReportsPort.Line> rows = new ArrayList<>(List.of(big, small, mid));
    rows.sort(column(t, "revenue").order());
    // as text "100.00" < "20.00" < "9.99"; as money the other way round
    assertThat(rows).containsExactly(small, mid, big);
    rows.sort(column(t, "margin-percent").order());
    assertThat(rows).containsExactly(mid, small, big);
    rows.sort(column(t, "period").order());
    assertThat(rows.get(0)).isEqualTo(mid);
  }
}
