package org.ringtree.rules.billing;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A winning bid's own conversion timer (Retreaver's {@code retreaver_seconds}, a template's {@code
 * conversionSeconds}) as the buyer's billable duration on that call: the buyer's line is decided by
 * the call's billing policy with the buyer's minimum seconds replaced by the timer, so blocked,
 * duplicate and price rows still apply, and its rule reference names that table's row. The reason
 * says the duration came from the bid.
 */
public final class BidBillableDuration {

  /**
   * Compiled tables by policy hash; a few per campaign and timer, cleared if it grows past this.
   */
  private static final int MAX_TABLES = 256;

  private static final Map<String, BillingTable> TABLES = new ConcurrentHashMap<>();

  private BidBillableDuration() {}

  /**
   * @param policy the call's effective billing policy (the live table's)
   * @param facts the call's billing facts
   * @param timer the winning bid's conversion timer
   */
  public static BillingTable.Line buyerLine(
      BillingPolicy policy, BillingTable.Facts facts, Duration timer) {
    Objects.requireNonNull(policy, "policy");
    long seconds = timer.toSeconds();
    BillingPolicy withTimer =
        new PolicyOverride(
                Math.toIntExact(seconds),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null)
            .applyTo(policy);
    String ref = BillingTable.refOf(withTimer);
    if (TABLES.size() > MAX_TABLES) {
      TABLES.clear();
    }
    BillingTable table = TABLES.computeIfAbsent(ref, k -> BillingTable.compile(withTimer));
    BillingTable.Line line = table.decide(facts).buyer();
    return new BillingTable.Line(
        line.ruleRef(),
        line.amount(),
        line.reason() + " (billable after " + seconds + " s: the buyer's bid conversion timer)");
  }
}
