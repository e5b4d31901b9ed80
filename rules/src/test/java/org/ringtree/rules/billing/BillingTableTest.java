package org.ringtree.rules.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.money.Money;

class BillingTableTest {

  static BillingPolicy seed() {
    return BillingPolicy.of(PayoutPolicy.fixed(90, 60, Money.usd("200.00"), 30));
  }

  static BillingTable.Facts call(long talk, String revenue) {
    return new BillingTable.Facts(false, true, false, talk, Money.usd(revenue), "CA", null);
  }

  static PolicyOverride override() {
    return new PolicyOverride(
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void seedCallBillsTheBuyer250AndPaysThePublisher200() {
    BillingTable.Decision d = BillingTable.compile(seed()).decide(call(95, "250.00"));
    assertThat(d.revenue()).isEqualTo(Money.usd("250.00"));
    assertThat(d.totalPayout()).isEqualTo(Money.usd("200.00"));
    assertThat(d.margin()).isEqualTo(Money.usd("50.00"));
    assertThat(d.buyer().ruleRef()).endsWith("#buyer-4");
    assertThat(d.payout().ruleRef()).endsWith("#publisher-5");
    assertThat(d.payout().reason()).isEqualTo("fixed payout $200.00");
  }

  @Test
  void publisherIsPaidBeforeTheBuyerIsBilledBetweenTheTwoMinimums() {
    BillingTable.Decision d = BillingTable.compile(seed()).decide(call(75, "250.00"));
    assertThat(d.revenue().isZero()).isTrue();
    assertThat(d.buyer().reason()).isEqualTo("talk time under 90 s");
    assertThat(d.totalPayout()).isEqualTo(Money.usd("200.00"));
  }

  @Test
  void blockedCallsAndDuplicatesEarnNothing() {
    BillingTable t = BillingTable.compile(seed());
    BillingTable.Decision blocked =
        t.decide(new BillingTable.Facts(true, true, false, 300, Money.usd("250"), "CA", null));
    assertThat(blocked.revenue().isZero()).isTrue();
    assertThat(blocked.totalPayout().isZero()).isTrue();
    assertThat(blocked.payout().reason()).isEqualTo("blocked or spam call");
    BillingTable.Decision dup =
        t.decide(new BillingTable.Facts(false, true, true, 300, Money.usd("250"), "CA", null));
    assertThat(dup.revenue()).isEqualTo(Money.usd("250.00"));
    assertThat(dup.totalPayout().isZero()).isTrue();
    assertThat(dup.payout().reason()).isEqualTo("duplicate caller within 30 days");
  }

  @Test
  void revenueShareIsClampedToItsMinimumAndMaximum() {
    BillingPolicy share =
        new PolicyOverride(
                null,
                null,
                PayoutPolicy.Mode.REVENUE_SHARE,
                null,
                new BigDecimal("60"),
                new BigDecimal("40"),
                new BigDecimal("120"),
                null,
                null,
                null,
                null,
                null)
            .applyTo(seed());
    BillingTable t = BillingTable.compile(share);
    assertThat(t.decide(call(95, "100.00")).totalPayout()).isEqualTo(Money.usd("60.00"));
    assertThat(t.decide(call(95, "50.00")).totalPayout()).isEqualTo(Money.usd("40.00"));
    assertThat(t.decide(call(95, "250.00")).totalPayout()).isEqualTo(Money.usd("120.00"));
    assertThat(t.decide(call(95, "33.33")).totalPayout()).isEqualTo(Money.usd("40.00"));
    assertThat(t.decide(call(95, "77.77")).totalPayout()).isEqualTo(Money.usd("46.66"));
  }

  @Test
  void durationTiersPayTheTierHoldingTheTalkTime() {
    BillingPolicy tiered =
        new PolicyOverride(
                null,
                60,
                PayoutPolicy.Mode.TIERED,
                null,
                null,
                null,
                null,
                List.of(
                    new PayoutPolicy.Tier(90, 120, Money.usd("20")),
                    new PayoutPolicy.Tier(120, null, Money.usd("35"))),
                null,
                null,
                null,
                null)
            .applyTo(seed());
    BillingTable t = BillingTable.compile(tiered);
    assertThat(t.decide(call(80, "50")).totalPayout().isZero()).isTrue();
    assertThat(t.decide(call(80, "50")).payout().reason()).isEqualTo("no payout tier matches");
    assertThat(t.decide(call(90, "50")).totalPayout()).isEqualTo(Money.usd("20.00"));
    assertThat(t.decide(call(119, "50")).totalPayout()).isEqualTo(Money.usd("20.00"));
    assertThat(t.decide(call(120, "50")).totalPayout()).isEqualTo(Money.usd("35.00"));
  }

  @Test
  void tagTiersWinOverTheBaseAndRegionBonusTopsUpOnlyAMetBase() {
    BillingPolicy p =
        new PolicyOverride(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "quality",
                List.of(new BillingPolicy.TagTier("gold", 120, new BigDecimal("260"))),
                new BillingPolicy.RegionBonus(List.of("TX", "FL"), new BigDecimal("15")))
            .applyTo(seed());
    BillingTable t = BillingTable.compile(p);
    BillingTable.Decision gold =
        t.decide(new BillingTable.Facts(false, true, false, 130, Money.usd("300"), "TX", "gold"));
    assertThat(gold.payout().amount()).isEqualTo(Money.usd("260.00"));
    assertThat(gold.bonus().amount()).isEqualTo(Money.usd("15.00"));
    assertThat(gold.totalPayout()).isEqualTo(Money.usd("275.00"));
    BillingTable.Decision shortGold =
        t.decide(new BillingTable.Facts(false, true, false, 95, Money.usd("300"), "CA", "gold"));
    assertThat(shortGold.totalPayout()).isEqualTo(Money.usd("200.00"));
    BillingTable.Decision tooShort =
        t.decide(new BillingTable.Facts(false, true, false, 30, Money.usd("300"), "TX", "gold"));
    assertThat(tooShort.totalPayout().isZero()).isTrue();
    assertThat(tooShort.bonus().reason()).isEqualTo("no base payout, so no bonus");
  }

  @Test
  void equalPoliciesShareOneReferenceAndDifferentOnesDoNot() {
    assertThat(BillingTable.compile(seed()).ref()).isEqualTo(BillingTable.refOf(seed()));
    BillingPolicy other =
        new PolicyOverride(null, 45, null, null, null, null, null, null, null, null, null, null)
            .applyTo(seed());
    assertThat(BillingTable.refOf(other)).isNotEqualTo(BillingTable.refOf(seed()));
    assertThat(override().applyTo(seed())).isEqualTo(seed());
  }

  @Test
  void hostileTagValuesAndRegionsAreRefusedBeforeTheyReachFeel() {
    assertThatThrownBy(() -> new BillingPolicy.TagTier("gold\") or true or (\"", 0, BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BillingPolicy.RegionBonus(List.of("CA\",\"NV"), BigDecimal.ONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new PolicyOverride(
                        null, null, null, null, null, null, null, null, null, "a b<c", null, null)
                    .applyTo(seed()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDmnIsAStandardDocumentThatNamesEveryRow() {
    String dmn = BillingTable.compile(seed()).dmn();
    assertThat(dmn)
        .contains("https://www.omg.org/spec/DMN/20230324/MODEL/")
        .contains("rule id=\"buyer-4\"")
        .contains("rule id=\"publisher-5\"")
        .contains("Fixed payout $200.00.");
  }

  @Test
  void theTableWithoutAPolicyBooksNothingWhateverTheCall() {
    BillingTable none = BillingTable.withoutPolicy();

    BillingTable.Decision d =
        none.decide(
            new BillingTable.Facts(false, true, false, 600, Money.usd("250"), "TX", "gold"));

    assertThat(none.ref()).isEqualTo("bt-none");
    assertThat(d.revenue().isZero()).isTrue();
    assertThat(d.totalPayout().isZero()).isTrue();
    assertThat(d.buyer().ruleRef()).isEqualTo("bt-none#buyer-1");
    assertThat(d.buyer().reason()).isEqualTo("no campaign payout policy");
    assertThat(d.payout().reason()).isEqualTo("no campaign payout policy");
    assertThat(BillingTable.dmnOf(null)).isEqualTo(none.dmn());
  }
}
