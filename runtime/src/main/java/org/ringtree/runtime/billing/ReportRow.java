package org.ringtree.runtime.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One line of a report. Money is exact; margin = revenue − payout (what the network keeps before
 * its telephony), cost = the telephony provider's rows (calls' legs and recordings, number rent),
 * profit = revenue − payout − cost.
 */
public record ReportRow(
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
    BigDecimal profit,
    BigDecimal revenuePerCall,
    BigDecimal conversionRate) {

  /** A row without telephony cost. */
  static ReportRow of(
      String key,
      LocalDateTime period,
      String currency,
      long calls,
      long connected,
      long billable,
      long duplicates,
      long converted,
      BigDecimal revenue,
      BigDecimal payout) {
    return of(
        key,
        period,
        currency,
        calls,
        connected,
        billable,
        duplicates,
        converted,
        revenue,
        payout,
        BigDecimal.ZERO);
  }

  static ReportRow of(
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
      BigDecimal cost) {
    BigDecimal rev = revenue.setScale(2, RoundingMode.UNNECESSARY);
    BigDecimal pay = payout.setScale(2, RoundingMode.UNNECESSARY);
    BigDecimal cst = cost.setScale(2, RoundingMode.UNNECESSARY);
    return new ReportRow(
        key,
        period,
        currency,
        calls,
        connected,
        billable,
        duplicates,
        converted,
        rev,
        pay,
        rev.subtract(pay),
        cst,
        rev.subtract(pay).subtract(cst),
        calls == 0
            ? BigDecimal.ZERO.setScale(2)
            : rev.divide(BigDecimal.valueOf(calls), 2, RoundingMode.HALF_EVEN),
        calls == 0
            ? BigDecimal.ZERO.setScale(4)
            : BigDecimal.valueOf(converted)
                .divide(BigDecimal.valueOf(calls), 4, RoundingMode.HALF_EVEN));
  }

  /** Two rows of one currency added up (the key and period of a total are empty). */
  static ReportRow plus(ReportRow a, ReportRow b) {
    return of(
        "",
        null,
        a.currency(),
        a.calls() + b.calls(),
        a.connected() + b.connected(),
        a.billable() + b.billable(),
        a.duplicates() + b.duplicates(),
        a.converted() + b.converted(),
        a.revenue().add(b.revenue()),
        a.payout().add(b.payout()),
        a.cost().add(b.cost()));
  }

  static List<ReportRow> totalsOf(Map<String, ReportRow> totals) {
    return totals.values().stream()
        .map(
            t ->
                of(
                    "",
                    null,
                    t.currency(),
                    t.calls(),
                    t.connected(),
                    t.billable(),
                    t.duplicates(),
                    t.converted(),
                    t.revenue(),
                    t.payout(),
                    t.cost()))
        .toList();
  }
}
