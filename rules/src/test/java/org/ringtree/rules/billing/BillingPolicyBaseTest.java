package org.ringtree.rules.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.money.Money;

/** The policy a flow version itself defines for a buyer and publisher. */
class BillingPolicyBaseTest {

  static Campaign seedWithVersionOverrides() {
    return new Campaign(
        "pi-accidents",
        "PI",
        "legal",
        Money.USD,
        PayoutPolicy.fixed(90, 60, Money.usd("200.00"), 30),
        DuplicateRule.NONE,
        BigDecimal.ZERO,
        Money.usd("20.00"),
        Map.of(),
        Map.of("callnow-seo", PayoutPolicy.fixed(120, 45, Money.usd("180.00"), 7)),
        Map.of("bidder-two", 120));
  }

  @Test
  void theBaseIsTheCampaignPolicyWhenTheVersionHasNoOverrideForTheParties() {
    BillingPolicy p = BillingPolicy.base(seedWithVersionOverrides(), "acme-law", "sunrise-media");
    assertThat(p).isEqualTo(BillingPolicy.of(PayoutPolicy.fixed(90, 60, Money.usd("200.00"), 30)));
  }

  @Test
  void thePublishersReplacementPolicyAndTheBuyersDurationFromTheVersionAreTheBase() {
    BillingPolicy p = BillingPolicy.base(seedWithVersionOverrides(), "bidder-two", "callnow-seo");
    assertThat(p.fixedPayout()).isEqualByComparingTo("180.00");
    assertThat(p.publisherMinSeconds()).isEqualTo(45);
    assertThat(p.duplicateWindowDays()).isEqualTo(7);
    // the buyer's billable duration comes from the campaign's buyer override, not the publisher's
    assertThat(p.buyerMinSeconds()).isEqualTo(120);
    assertThat(
            BillingPolicy.base(seedWithVersionOverrides(), "acme-law", "callnow-seo")
                .buyerMinSeconds())
        .isEqualTo(90);
  }
}
