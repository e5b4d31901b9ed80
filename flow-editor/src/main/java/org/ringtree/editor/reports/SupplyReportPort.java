package org.ringtree.editor.reports;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * What the RTB supply screen needs from the platform: each publisher's pings to Ringtree's bid
 * endpoint in a period and what became of them (the numbers of {@code GET /api/reports/rtb-supply},
 * docs/rtb.md "Reports"), and the publishers' names.
 */
public interface SupplyReportPort {

  /** The network's own time zone, the screen's default. */
  ZoneId networkZone();

  /**
   * One publisher's line: pings answered, bids made, bids a call joined, joined calls that reached
   * a buyer, what those filled calls' bids offered, and the three rates (bids/pings, joined/bids,
   * filled/joined; four decimals, null when dividing by zero).
   */
  record Line(
      String publisherId,
      long pings,
      long bids,
      long joined,
      long filled,
      BigDecimal paidAsBid,
      BigDecimal bidRate,
      BigDecimal winRate,
      BigDecimal fillRate) {}

  /** The lines of pings made from {@code from} (inclusive) to {@code to} (exclusive). */
  List<Line> lines(Instant from, Instant to);

  /** Publisher id → name. */
  Map<String, String> publisherNames();
}
