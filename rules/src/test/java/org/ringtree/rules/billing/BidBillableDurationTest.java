package org.ringtree.rules.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.money.Money;

/** A bid's conversion timer decides the buyer's line instead of the campaign's 90 s. */
class BidBillableDurationTest {

  @Test
  void aCallLongerThanTheBidsTimerButShorterThanTheCampaignsIsBilledNamingTheTimer() {
    BillingPolicy campaign = BillingTableTest.seed(); // buyer billable after 90 s

    BillingTable.Line line =
        BidBillableDuration.buyerLine(
            campaign, BillingTableTest.call(75, "330.00"), Duration.ofSeconds(60));

    assertThat(line.amount()).isEqualTo(Money.usd("330.00"));
    assertThat(line.ruleRef()).startsWith("bt-").contains("#buyer-");
    assertThat(line.ruleRef())
        .doesNotStartWith(BillingTable.refOf(campaign)); // a table with the bid's 60 s
    assertThat(line.reason()).endsWith("(billable after 60 s: the buyer's bid conversion timer)");
    // without the bid's timer the campaign's table does not bill this call
    assertThat(BillingTable.compile(campaign).decide(BillingTableTest.call(75, "330.00")).buyer())
        .satisfies(l -> assertThat(l.pays()).isFalse());
  }

  @Test
  void aCallShorterThanTheBidsTimerIsNotBilledThoughTheCampaignWouldBill() {
    BillingTable.Line line =
        BidBillableDuration.buyerLine(
            BillingTableTest.seed(), BillingTableTest.call(95, "330.00"), Duration.ofSeconds(120));

    assertThat(line.pays()).isFalse();
    assertThat(line.reason())
        .isEqualTo(
            "talk time under 120 s (billable after 120 s: the buyer's bid conversion timer)");
  }
}
