package org.ringtree.rules.billing;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.PayoutPolicy;

/**
 * The effective billable/payout policy of one call: a campaign's {@link PayoutPolicy} with the
 * overrides of its campaign, buyer and publisher applied (see {@link PolicyOverride}). Amounts are
 * in the call's currency. Compiled by {@link BillingTable} to a DMN 1.5 model.
 *
 * @param tierTag the call tag the {@code tagTiers} look at (e.g. {@code quality}); null: none
 * @param tagTiers payouts for calls whose {@code tierTag} has a value, checked before the base mode
 * @param regionBonus added to a met base payout when the caller's state is in the list
 */
public record BillingPolicy(
    int buyerMinSeconds,
    int publisherMinSeconds,
    PayoutPolicy.Mode mode,
    BigDecimal fixedPayout,
    BigDecimal sharePercent,
    BigDecimal shareMin,
    BigDecimal shareMax,
    List<PayoutPolicy.Tier> tiers,
    int duplicateWindowDays,
    String tierTag,
    List<TagTier> tagTiers,
    RegionBonus regionBonus) {

  static final Pattern STATE = Pattern.compile("[A-Z]{2}");
  static final Pattern TAG_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9 _.:-]{1,64}");

  /** Pays {@code amount} when the tier tag is {@code value} and talk time is at least the min. */
  public record TagTier(String value, int minSeconds, BigDecimal amount) {
    public TagTier {
      if (value == null || !TAG_VALUE.matcher(value).matches()) {
        throw new IllegalArgumentException(
            "a tag tier value is 1-64 letters, digits, space or _ . : -");
      }
      requireAmount(amount, "tag tier amount");
      if (minSeconds < 0) {
        throw new IllegalArgumentException("tag tier minimum must not be negative");
      }
    }
  }

  /** Adds {@code amount} to a met base payout for callers from {@code states}. */
  public record RegionBonus(List<String> states, BigDecimal amount) {
    public RegionBonus {
      states = states == null ? List.of() : List.copyOf(states);
      for (String s : states) {
        if (s == null || !STATE.matcher(s).matches()) {
          throw new IllegalArgumentException("a region is a two-letter state code, e.g. CA");
        }
      }
      if (states.isEmpty()) {
        throw new IllegalArgumentException("a region bonus needs at least one state");
      }
      requireAmount(amount, "region bonus");
    }
  }

  public BillingPolicy {
    mode = mode == null ? PayoutPolicy.Mode.FIXED : mode;
    tiers =
        tiers == null
            ? List.of()
            : tiers.stream()
                .sorted(Comparator.comparingInt(PayoutPolicy.Tier::minSeconds))
                .toList();
    tagTiers = tagTiers == null ? List.of() : List.copyOf(tagTiers);
    if (buyerMinSeconds < 0 || publisherMinSeconds < 0 || duplicateWindowDays < 0) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (tierTag != null && !TAG_NAME.matcher(tierTag).matches()) {
      throw new IllegalArgumentException("a tier tag name is 1-64 letters, digits or _ . -");
    }
    if (!tagTiers.isEmpty() && tierTag == null) {
      throw new IllegalArgumentException("tag tiers need the tag they look at (tierTag)");
    }
    switch (mode) {
      case FIXED -> requireAmount(fixedPayout == null ? BigDecimal.ZERO : fixedPayout, "payout");
      case REVENUE_SHARE -> {
        if (sharePercent == null
            || sharePercent.signum() < 0
            || sharePercent.compareTo(new BigDecimal("100")) > 0) {
          throw new IllegalArgumentException("a revenue share is a percentage from 0 to 100");
        }
        if (shareMin != null) {
          requireAmount(shareMin, "share minimum");
        }
        if (shareMax != null) {
          requireAmount(shareMax, "share maximum");
        }
        if (shareMin != null && shareMax != null && shareMin.compareTo(shareMax) > 0) {
          throw new IllegalArgumentException("share minimum is above the maximum");
        }
      }
      case TIERED -> tiers.forEach(t -> requireAmount(t.amount().amount(), "tier amount"));
    }
  }

  /** The campaign's policy as it is, before overrides. */
  public static BillingPolicy of(PayoutPolicy p) {
    Objects.requireNonNull(p, "payout policy");
    return new BillingPolicy(
        p.buyerMinSeconds(),
        p.publisherMinSeconds(),
        p.mode(),
        p.fixedPayout() == null ? null : p.fixedPayout().amount(),
        p.sharePercent(),
        p.shareMin() == null ? null : p.shareMin().amount(),
        p.shareMax() == null ? null : p.shareMax().amount(),
        p.tiers(),
        p.duplicateWindowDays(),
        null,
        List.of(),
        null);
  }

  /**
   * The policy a flow version itself defines for this buyer and publisher (either may be null: any
   * other party): the campaign's payout policy, or the publisher's replacement policy on the
   * campaign ({@code publisherPayouts}), with the buyer's billable duration on the campaign ({@code
   * buyerMinSeconds}) if it has one. Null when the campaign has no payout policy.
   */
  public static BillingPolicy base(Campaign campaign, String buyerId, String publisherId) {
    if (campaign == null || campaign.payout() == null) {
      return null;
    }
    BillingPolicy p = of(campaign.payoutFor(publisherId));
    int buyerMin =
        buyerId != null && campaign.buyerMinSeconds().containsKey(buyerId)
            ? campaign.buyerMinSeconds().get(buyerId)
            : campaign.payout().buyerMinSeconds();
    return new PolicyOverride(
            buyerMin, null, null, null, null, null, null, null, null, null, null, null)
        .applyTo(p);
  }

  private static void requireAmount(BigDecimal amount, String what) {
    if (amount == null || amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
      throw new IllegalArgumentException(what + " must be a non-negative amount in cents");
    }
  }
}
