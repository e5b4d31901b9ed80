package org.ringtree.editor.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * What the dashboard needs from the platform: the reconciliation reports' figures for a range, and
 * a signal each time a call is settled on any runtime node. Ranges are [from, to) instants; money
 * is the ledger's exact amounts.
 */
public interface DashboardPort {

  /** The network's own time zone, the dashboard's default. */
  ZoneId networkZone();

  /**
   * One currency's totals over a range. {@code qualified}: calls that passed the flow's
   * qualification and were routed to a buyer (see docs/billing.md). {@code cost}: the telephony
   * provider's ledger rows (the calls' legs and recordings, number rent). Margin, profit and the
   * rates are derived from these in {@link Figures}.
   */
  record Totals(
      String currency,
      long calls,
      long qualified,
      long connected,
      long billable,
      long duplicates,
      long converted,
      BigDecimal revenue,
      BigDecimal payout,
      BigDecimal cost) {

    public static Totals zero(String currency) {
      BigDecimal none = BigDecimal.ZERO.setScale(2);
      return new Totals(currency, 0, 0, 0, 0, 0, 0, none, none, none);
    }

    /** What the network keeps of the buyers' money before paying its telephony. */
    public BigDecimal margin() {
      return revenue.subtract(payout);
    }

    /** What the network keeps after its telephony too: revenue − payout − cost. */
    public BigDecimal profit() {
      return revenue.subtract(payout).subtract(cost);
    }
  }

  /** The totals per currency over [from, to). */
  List<Totals> totals(Instant from, Instant to);

  /** How the money over time is split. */
  enum Step {
    HOUR,
    DAY
  }

  /** Money of one bucket starting at {@code start} (local time in the zone asked for). */
  record Bucket(
      LocalDateTime start,
      String currency,
      BigDecimal revenue,
      BigDecimal payout,
      BigDecimal cost) {}

  /**
   * Revenue, payout and cost per hour or day in {@code zone} over [from, to); empty buckets left
   * out.
   */
  List<Bucket> series(Instant from, Instant to, ZoneId zone, Step step);

  /** Whose money a ranking is about. */
  enum Party {
    PUBLISHER,
    BUYER
  }

  /** One publisher's or buyer's calls and money over a range. */
  record PartyMoney(
      String id,
      String name,
      String currency,
      long calls,
      BigDecimal revenue,
      BigDecimal payout,
      BigDecimal cost) {
    public BigDecimal margin() {
      return revenue.subtract(payout);
    }

    /** What the network keeps from this party's calls after its telephony. */
    public BigDecimal profit() {
      return margin().subtract(cost);
    }
  }

  /** Every publisher or buyer with calls in [from, to), per currency. */
  List<PartyMoney> parties(Party party, Instant from, Instant to);

  /** A buyer's use of one of its caps now. */
  record CapUse(String buyerId, String buyerName, String period, long used, int cap) {}

  /** Every buyer cap (hourly, daily, monthly, total) and how much of it is used now. */
  List<CapUse> capUsage(Instant now);

  /**
   * Runs {@code changed} (on a thread that is not the UI's) each time a call is settled on any
   * runtime node; returns what stops it.
   */
  Runnable watch(Runnable changed);
}
