package org.ringtree.runtime.billing;

import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Reports as CSV (RFC 4180): the header, one line per row, the TOTAL lines, and the quoting every
 * CSV the platform writes uses (call log, statements, portals), formula cells defused.
 */
public final class ReportCsv {

  private ReportCsv() {}

  static final String HEADER =
      "key,period,currency,calls,connected,billable,duplicates,converted,revenue,payout,margin,"
          + "cost,profit,revenue_per_call,conversion_rate";

  /** The CSV file's name for a report: {@code ringtree-report-publisher-day.csv}. */
  public static String fileName(Reports.Query q) {
    return "ringtree-report-"
        + q.by().name().toLowerCase(Locale.ROOT).replace('_', '-')
        + "-"
        + q.period().name().toLowerCase(Locale.ROOT)
        + ".csv";
  }

  /** The report as CSV (RFC 4180), rows then one TOTAL line per currency. */
  public static String csv(Reports.Report report) {
    StringBuilder out = new StringBuilder(HEADER).append("\r\n");
    for (ReportRow r : report.rows()) {
      line(out, r.key(), r.period(), r);
    }
    for (ReportRow t : report.totals()) {
      line(out, "TOTAL", null, t);
    }
    return out.toString();
  }

  static void line(StringBuilder out, String key, LocalDateTime period, ReportRow r) {
    out.append(text(key))
        .append(',')
        .append(period == null ? "" : period.toString())
        .append(',')
        .append(r.currency())
        .append(',')
        .append(r.calls())
        .append(',')
        .append(r.connected())
        .append(',')
        .append(r.billable())
        .append(',')
        .append(r.duplicates())
        .append(',')
        .append(r.converted())
        .append(',')
        .append(r.revenue().toPlainString())
        .append(',')
        .append(r.payout().toPlainString())
        .append(',')
        .append(r.margin().toPlainString())
        .append(',')
        .append(r.cost().toPlainString())
        .append(',')
        .append(r.profit().toPlainString())
        .append(',')
        .append(r.revenuePerCall().toPlainString())
        .append(',')
        .append(r.conversionRate().toPlainString())
        .append("\r\n");
  }

  /**
   * A text cell: quoted when it holds a comma, quote or line break, and defused with a leading
   * apostrophe when a spreadsheet would read it as a formula (e.g. {@code +18885550101}).
   */
  public static String text(String s) {
    String v = s == null ? "" : s;
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }
}
