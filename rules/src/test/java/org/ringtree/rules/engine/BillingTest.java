package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringtree.rules.engine.Harness.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.billing.BillingDecision;
import org.ringtree.rules.billing.BillingInput;
import org.ringtree.rules.billing.BillingPolicy;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.money.Money;

/** The flow version's own billing table (a {@link BillingTable}), row by row. */
class BillingTest {

  /** A loaded flow version whose campaign pays by {@code policy}, with one target, acme. */
  private static CompiledFlow loaded(PayoutPolicy policy) {
    CompiledFlow f =
        routeFlow(
            directory(
                campaign(policy, DuplicateRule.NONE, BigDecimal.ZERO, Money.usd("0")),
                List.of(target("acme")),
                List.of()),
            "priority",
            Map.of());
    ENGINE.load(f);
    return f;
  }

  private static BillingDecision bill(
      PayoutPolicy policy,
      CallFacts call,
      String target,
      long talk,
      String revenue,
      boolean blocked) {
    CompiledFlow f = loaded(policy);
    return ENGINE.bill(
        f.versionKey(),
        new BillingInput(call, target, talk, revenue == null ? null : Money.usd(revenue), blocked));
  }

  private static final PayoutPolicy SEED = PayoutPolicy.fixed(90, 60, Money.usd("200"), 30);

  /** The full reference of a row of the table of {@code policy}. */
  private static String row(PayoutPolicy policy, String rowId) {
    return BillingTable.refOf(BillingPolicy.of(policy)) + "#" + rowId;
  }

  @Test
  void buyerPays250PublisherEarns200NetworkKeeps50() {
    BillingDecision b = bill(SEED, texas(), "acme", 240, "250", false);
    assertThat(b.revenue()).isEqualTo(Money.usd("250"));
    assertThat(b.payout()).isEqualTo(Money.usd("200"));
    assertThat(b.margin()).isEqualTo(Money.usd("50"));
    assertThat(b.buyerRow()).isEqualTo(row(SEED, "buyer-4"));
    assertThat(b.publisherRow()).isEqualTo(row(SEED, "publisher-5"));
    assertThat(b.buyer().message())
        .isEqualTo(
            "Buyer billed 250.00 USD: talk time at least 90 s: the buyer pays the winning price");
    assertThat(b.publisher().message())
        .isEqualTo("Publisher earns 200.00 USD: fixed payout $200.00");
  }

  @Test
  void buyerAndPublisherMinimumDurationsAreSeparate() {
    BillingDecision b = bill(SEED, texas(), "acme", 75, "250", false);
    assertThat(b.revenue().isZero()).isTrue();
    assertThat(b.buyer().message()).endsWith("talk time under 90 s");
    assertThat(b.payout()).isEqualTo(Money.usd("200"));
    BillingDecision shorter = bill(SEED, texas(), "acme", 30, "250", false);
    assertThat(shorter.payout().isZero()).isTrue();
    assertThat(shorter.publisherRow()).isEqualTo(row(SEED, "publisher-4"));
  }

  @Test
  void unconnectedCallsAreNeitherBillableNorPayable() {
    BillingDecision b = bill(SEED, texas(), null, 0, null, false);
    assertThat(b.revenue().isZero()).isTrue();
    assertThat(b.payout().isZero()).isTrue();
    assertThat(b.publisher().message()).endsWith("not connected");
  }

  @Test
  void blockedCallsEarnNothing() {
    BillingDecision b = bill(SEED, texas(), "acme", 300, "250", true);
    assertThat(b.revenue().isZero()).isTrue();
    assertThat(b.payout().isZero()).isTrue();
    assertThat(b.buyerRow()).isEqualTo(row(SEED, "buyer-1"));
  }

  @Test
  void duplicatesWithinTheWindowEarnNoPayout() {
    PriorCall lastWeek =
        new PriorCall(
            "c0",
            Fixtures.WEDNESDAY_10_CHICAGO.minusSeconds(7 * 86_400),
            "legal-tx",
            "acme",
            "acme",
            true,
            false,
            null);
    CallFacts repeat =
        Fixtures.call(Caller.of("+15125550199", "TX", "78701"), Map.of(), List.of(lastWeek));
    BillingDecision b = bill(SEED, repeat, "acme", 240, "250", false);
    assertThat(b.duplicate()).isTrue();
    assertThat(b.revenue()).isEqualTo(Money.usd("250"));
    assertThat(b.payout().isZero()).isTrue();
    assertThat(b.publisher().message()).endsWith("duplicate caller within 30 days");
  }

  @Test
  void revenueShareIsClampedToItsMinimumAndMaximum() {
    PayoutPolicy share =
        new PayoutPolicy(
            90,
            60,
            PayoutPolicy.Mode.REVENUE_SHARE,
            null,
            new BigDecimal("80"),
            Money.usd("50"),
            Money.usd("180"),
            List.of(),
            0);
    assertThat(bill(share, texas(), "acme", 240, "100", false).payout()).isEqualTo(Money.usd("80"));
    assertThat(bill(share, texas(), "acme", 240, "50", false).payout()).isEqualTo(Money.usd("50"));
    assertThat(bill(share, texas(), "acme", 240, "250", false).payout())
        .isEqualTo(Money.usd("180"));
  }

  @Test
  void aPublisherOverrideReplacesTheCampaignPayoutForThatPublisherOnly() {
    var base = campaign(SEED, DuplicateRule.NONE, BigDecimal.ZERO, Money.usd("0"));
    var withOverride =
        new org.ringtree.rules.directory.Campaign(
            base.id(),
            base.name(),
            base.verticalId(),
            base.currency(),
            base.payout(),
            base.duplicateRule(),
            base.marginPercent(),
            base.marginAmount(),
            null,
            Map.of("pub-1", PayoutPolicy.fixed(90, 120, Money.usd("180"), 0)),
            null);
    CompiledFlow f =
        routeFlow(
            directory(withOverride, List.of(target("acme")), List.of()), "priority", Map.of());
    ENGINE.load(f);
    BillingDecision pub1 =
        ENGINE.bill(
            f.versionKey(), new BillingInput(texas(), "acme", 240, Money.usd("250"), false));
    assertThat(pub1.payout()).isEqualTo(Money.usd("180"));
    PayoutPolicy pub1Policy = PayoutPolicy.fixed(90, 120, Money.usd("180"), 0);
    assertThat(pub1.publisher().message())
        .isEqualTo("Publisher earns 180.00 USD: fixed payout $180.00");
    assertThat(pub1.publisherRow()).isEqualTo(row(pub1Policy, "publisher-4"));
    BillingDecision pub1Short =
        ENGINE.bill(
            f.versionKey(), new BillingInput(texas(), "acme", 100, Money.usd("250"), false));
    assertThat(pub1Short.publisher().message()).endsWith("talk time under 120 s");
    assertThat(pub1Short.publisherRow()).isEqualTo(row(pub1Policy, "publisher-3"));
    CallFacts other =
        new CallFacts(
            "c2",
            "legal-tx",
            "pub-2",
            null,
            texas().caller(),
            Map.of(),
            Map.of(),
            texas().arrivedAt(),
            List.of());
    assertThat(
            ENGINE
                .bill(f.versionKey(), new BillingInput(other, "acme", 240, Money.usd("250"), false))
                .payout())
        .isEqualTo(Money.usd("200"));
  }

  @Test
  void aBuyerOverrideChangesTheBillableDurationForThatBuyerOnly() {
    var base = campaign(SEED, DuplicateRule.NONE, BigDecimal.ZERO, Money.usd("0"));
    var withOverride =
        new org.ringtree.rules.directory.Campaign(
            base.id(),
            base.name(),
            base.verticalId(),
            base.currency(),
            base.payout(),
            base.duplicateRule(),
            base.marginPercent(),
            base.marginAmount(),
            null,
            null,
            Map.of("buyer-acme", 120));
    CompiledFlow f =
        routeFlow(
            directory(withOverride, List.of(target("acme"), target("beta")), List.of()),
            "priority",
            Map.of());
    ENGINE.load(f);
    BillingDecision acme =
        ENGINE.bill(
            f.versionKey(), new BillingInput(texas(), "acme", 100, Money.usd("250"), false));
    assertThat(acme.revenue().isZero()).isTrue();
    assertThat(acme.buyer().message()).endsWith("talk time under 120 s");
    assertThat(acme.buyerRow())
        .isEqualTo(
            BillingTable.refOf(BillingPolicy.base(withOverride, "buyer-acme", null)) + "#buyer-3");
    BillingDecision beta =
        ENGINE.bill(
            f.versionKey(), new BillingInput(texas(), "beta", 100, Money.usd("250"), false));
    assertThat(beta.revenue()).isEqualTo(Money.usd("250"));
    assertThat(beta.buyerRow()).isEqualTo(row(SEED, "buyer-4"));
  }

  @Test
  void theVersionsBillingDmnIsTheTableThatDecidesItsCalls() {
    CompiledFlow f = loaded(SEED);
    BillingTable table = BillingTable.compile(BillingPolicy.of(SEED));

    BillingDecision b =
        ENGINE.bill(
            f.versionKey(), new BillingInput(texas(), "acme", 240, Money.usd("250"), false));

    assertThat(f.billingDmn()).isEqualTo(table.dmn());
    assertThat(b.buyerRow()).startsWith(table.ref() + "#");
    assertThat(f.rule("publisher-5").orElseThrow().artifact()).isEqualTo("dmn-billing");
  }

  @Test
  void tiersPayByTalkTime() {
    PayoutPolicy tiers =
        new PayoutPolicy(
            90,
            90,
            PayoutPolicy.Mode.TIERED,
            null,
            null,
            null,
            null,
            List.of(
                new PayoutPolicy.Tier(90, 120, Money.usd("20")),
                new PayoutPolicy.Tier(120, null, Money.usd("35"))),
            0);
    assertThat(bill(tiers, texas(), "acme", 100, "60", false).payout()).isEqualTo(Money.usd("20"));
    assertThat(bill(tiers, texas(), "acme", 120, "60", false).payout()).isEqualTo(Money.usd("35"));
    assertThat(bill(tiers, texas(), "acme", 60, "60", false).payout().isZero()).isTrue();
  }
}
