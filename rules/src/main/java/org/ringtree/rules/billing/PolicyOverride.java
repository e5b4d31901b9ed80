package org.ringtree.rules.billing;

import java.math.BigDecimal;
import java.util.List;
import org.ringtree.rules.directory.PayoutPolicy;

/**
 * Changes to a billing policy for a campaign, a buyer or a publisher: every non-null field replaces
 * the same field of the policy below it; null keeps it. Setting {@code mode} replaces the whole
 * payout method (its amounts come from this override, or stay if this override leaves them null).
 */
public record PolicyOverride(
    Integer buyerMinSeconds,
    Integer publisherMinSeconds,
    PayoutPolicy.Mode mode,
    BigDecimal fixedPayout,
    BigDecimal sharePercent,
    BigDecimal shareMin,
    BigDecimal shareMax,
    List<PayoutPolicy.Tier> tiers,
    Integer duplicateWindowDays,
    String tierTag,
    List<BillingPolicy.TagTier> tagTiers,
    BillingPolicy.RegionBonus regionBonus) {

  /** The policy with this override on top; throws if the result is not a valid policy. */
  public BillingPolicy applyTo(BillingPolicy base) {
    return new BillingPolicy(
        buyerMinSeconds != null ? buyerMinSeconds : base.buyerMinSeconds(),
        publisherMinSeconds != null ? publisherMinSeconds : base.publisherMinSeconds(),
        mode != null ? mode : base.mode(),
        fixedPayout != null ? fixedPayout : base.fixedPayout(),
        sharePercent != null ? sharePercent : base.sharePercent(),
        shareMin != null ? shareMin : base.shareMin(),
        shareMax != null ? shareMax : base.shareMax(),
        tiers != null ? tiers : base.tiers(),
        duplicateWindowDays != null ? duplicateWindowDays : base.duplicateWindowDays(),
        tierTag != null ? tierTag : base.tierTag(),
        tagTiers != null ? tagTiers : base.tagTiers(),
        regionBonus != null ? regionBonus : base.regionBonus());
  }
}
