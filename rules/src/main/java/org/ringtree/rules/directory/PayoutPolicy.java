package org.ringtree.rules.directory;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.ringtree.rules.money.Money;

/**
 * When a call is billable to the buyer and payable to the publisher, and how much the publisher
 * earns. Compiled to the billing DMN table of every flow that uses the campaign.
 *
 * <p>{@code mode} FIXED pays {@code fixedPayout}; REVENUE_SHARE pays {@code sharePercent} of the
 * revenue clamped to [{@code shareMin}, {@code shareMax}]; TIERED pays the tier whose duration
 * range holds the talk time. Duplicates within {@code duplicateWindowDays} earn nothing.
 */
public record PayoutPolicy(
    int buyerMinSeconds,
    int publisherMinSeconds,
    Mode mode,
    Money fixedPayout,
    BigDecimal sharePercent,
    Money shareMin,
    Money shareMax,
    List<Tier> tiers,
    int duplicateWindowDays) {

  /** How the publisher's payout is computed. */
  public enum Mode {
    FIXED,
    REVENUE_SHARE,
    TIERED
  }

  /** Pays {@code amount} for talk time in [{@code minSeconds}, {@code maxSeconds}). */
  public record Tier(int minSeconds, Integer maxSeconds, Money amount) {}

  public PayoutPolicy {
    mode = mode == null ? Mode.FIXED : mode;
    tiers =
        tiers == null
            ? List.of()
            : tiers.stream().sorted(Comparator.comparingInt(Tier::minSeconds)).toList();
    if (buyerMinSeconds < 0 || publisherMinSeconds < 0 || duplicateWindowDays < 0) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /** The seed's example: buyer billable after 90 s, publisher paid a fixed amount after 60 s. */
  public static PayoutPolicy fixed(int buyerMin, int publisherMin, Money payout, int dupDays) {
    return new PayoutPolicy(
        buyerMin, publisherMin, Mode.FIXED, payout, null, null, null, List.of(), dupDays);
  }
}
