package org.ringtree.editor.reports;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The reports grid's presenter: the columns (what each shows, how it sorts) and the totals row,
 * with directory names in place of ids. Plain Java, so it is tested without a browser.
 */
public final class ReportTable {

  /**
   * Rows shown in the grid at most; the CSV holds every line, the totals count every line. A report
   * sums the quarter-hour roll-up, so even tracking number × hour over 90 days is about 13,000
   * lines on a million calls; the grid sends the browser only the rows in view.
   */
  public static final int MAX_SHOWN = 100_000;

  private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

  /** One grid column: header, id for tests, the cell, the total cell, and the sort order. */
  public record Column(
      String id,
      String header,
      Function<ReportsPort.Line, String> cell,
      Comparator<ReportsPort.Line> order,
      boolean money) {}

  private final ReportQuery query;
  private final Map<String, String> names;

  /** {@code names}: id → name of the grouping's entries (may be empty). */
  public ReportTable(ReportQuery query, Map<String, String> names) {
    this.query = query;
    this.names = names;
  }

  public List<Column> columns() {
    return List.of(
        new Column(
            "key",
            query.by().label(),
            this::key,
            Comparator.comparing(this::key, String.CASE_INSENSITIVE_ORDER),
            false),
        new Column(
            "period",
            "Period",
            this::period,
            Comparator.comparing(
                ReportsPort.Line::period, Comparator.nullsFirst(Comparator.naturalOrder())),
            false),
        count("calls", "Calls", ReportsPort.Line::calls),
        count("connected", "Connected", ReportsPort.Line::connected),
        count("billable", "Billable", ReportsPort.Line::billable),
        count("duplicates", "Duplicates", ReportsPort.Line::duplicates),
        count("converted", "Converted", ReportsPort.Line::converted),
        money("revenue", "Revenue", ReportsPort.Line::revenue),
        money("payout", "Payout", ReportsPort.Line::payout),
        money("margin", "Margin", ReportsPort.Line::margin),
        new Column(
            "margin-percent",
            "Margin %",
            l -> Money.marginPercent(l.margin(), l.revenue()),
            Comparator.comparing(ReportTable::marginShare),
            false),
        money("cost", "Cost", ReportsPort.Line::cost),
        money("profit", "Profit", ReportsPort.Line::profit));
  }

  /**
   * The totals cell of a column: one value per currency, joined ("12.00 USD · 3.00 EUR"); empty for
   * the key and period columns.
   */
  public String total(Column column, List<ReportsPort.Line> totals) {
    if (column.id().equals("key")) {
      return "Total";
    }
    if (column.id().equals("period")) {
      return "";
    }
    return totals.stream().map(column.cell()).collect(Collectors.joining(" · "));
  }

  /** The grouping's entry by name (its id when it has none); "(none)" for calls without one. */
  public String key(ReportsPort.Line line) {
    if (query.by() == ReportsPort.GroupBy.NONE) {
      return "All calls";
    }
    String id = line.key();
    if (id == null || id.isBlank()) {
      return "(none)";
    }
    String name = names.get(id);
    return name == null || name.equals(id) ? id : name + " (" + id + ")";
  }

  /** The bucket's start as the bucket reads: an hour, a day, the week's Monday, a month. */
  public String period(ReportsPort.Line line) {
    if (line.period() == null) {
      return query.from() + " – " + query.to();
    }
    return switch (query.bucket()) {
      case HOUR -> HOUR.format(line.period());
      case DAY -> DAY.format(line.period());
      case WEEK -> "week of " + DAY.format(line.period());
      case MONTH -> MONTH.format(line.period());
      case TOTAL -> "";
    };
  }

  private static Column count(
      String id, String header, java.util.function.ToLongFunction<ReportsPort.Line> f) {
    return new Column(
        id, header, l -> Long.toString(f.applyAsLong(l)), Comparator.comparingLong(f), false);
  }

  private static Column money(String id, String header, Function<ReportsPort.Line, BigDecimal> f) {
    return new Column(
        id,
        header,
        l -> Money.of(f.apply(l), l.currency()),
        Comparator.comparing((ReportsPort.Line l) -> l.currency()).thenComparing(f),
        true);
  }

  private static BigDecimal marginShare(ReportsPort.Line l) {
    return l.revenue().signum() == 0
        ? BigDecimal.ZERO
        : l.margin().divide(l.revenue(), 6, java.math.RoundingMode.HALF_EVEN);
  }
}
