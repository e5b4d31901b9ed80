package org.ringtree.editor.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * What the reports and reconciliation screens need from the platform: the reconciliation reports
 * (the numbers of {@code /api/reports}), their CSV streamed, the names of directory entries, and
 * per-party statements from the ledger. Money is the ledger's exact amounts.
 */
public interface ReportsPort {

  /** The network's own time zone, the screens' default. */
  ZoneId networkZone();

  /** What report rows are grouped by. */
  enum GroupBy {
    PUBLISHER("Publisher"),
    BUYER("Buyer"),
    CAMPAIGN("Campaign"),
    VERTICAL("Vertical"),
    TRACKING_NUMBER("Tracking number"),
    TARGET("Target"),
    SOURCE_TAG("Source tag"),
    NONE("Nothing (one line per period)");

    private final String label;

    GroupBy(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** How report rows are split in time. */
  enum Bucket {
    HOUR,
    DAY,
    WEEK,
    MONTH,
    TOTAL
  }

  /** One line of a report; margin = revenue − payout, profit = margin − cost. */
  record Line(
      String key,
      LocalDateTime period,
      String currency,
      long calls,
      long connected,
      long billable,
      long duplicates,
      long converted,
      BigDecimal revenue,
      BigDecimal payout,
      BigDecimal margin,
      BigDecimal cost,
      BigDecimal profit) {}

  /** The lines and one total per currency (over every line). */
  record Result(List<Line> lines, List<Line> totals) {}

  /**
   * Runs the report.
   *
   * @throws IllegalArgumentException with a reason an operator can act on
   */
  Result run(ReportQuery query);

  /**
   * Writes the report as CSV to {@code out} as the rows are read (never the whole file in memory);
   * {@code written} hears the count of lines written so far, now and then and at the end.
   *
   * @return the number of report lines written
   */
  long exportCsv(ReportQuery query, OutputStream out, LongConsumer written) throws IOException;

  /** Directory entries whose names the screens show instead of ids. */
  enum Named {
    CAMPAIGN,
    PUBLISHER,
    BUYER,
    TARGET
  }

  /** Id → name of every entry of the kind (ids without a name are shown as they are). */
  Map<String, String> names(Named kind);

  /** The names of the source tags tracking numbers carry (e.g. {@code utm_source}), sorted. */
  List<String> sourceTagKeys();

  /** Whose statement. */
  enum Party {
    PUBLISHER,
    BUYER
  }

  /**
   * One party's statement in one currency over the calls that started in the period. {@code base}:
   * revenue charged (buyer) or payout owed (publisher); {@code disputeCredits}: approved disputes
   * (negative); {@code net} = base + adjustments + disputeCredits, the ledger's sum to the cent.
   */
  record Statement(
      String partyId,
      String currency,
      long calls,
      long billable,
      BigDecimal base,
      BigDecimal adjustments,
      long disputes,
      BigDecimal disputeCredits,
      BigDecimal net) {}

  /** The statements of every party of the kind with calls in the period, or only of one. */
  List<Statement> statements(StatementQuery query);

  /** The statements as CSV (names, exact amounts, one line per party and currency). */
  void statementsCsv(StatementQuery query, OutputStream out) throws IOException;
}
