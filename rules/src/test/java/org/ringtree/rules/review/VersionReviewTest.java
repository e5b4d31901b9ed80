package org.ringtree.rules.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.money.Money;

/** The billing tables a flow review shows are the ones the version's calls book on. */
class VersionReviewTest {

  @Test
  void showsTheCampaignsBillingTable() {
    VersionReview review = VersionReview.of(Fixtures.demoCompiled());

    assertThat(review.billing().tables())
        .extracting(DecisionTable::name)
        .containsExactly("Buyer revenue", "Publisher payout", "Region bonus");
  }

  @Test
  void showsATableOfTheirOwnForPartiesWithTermsOnTheCampaign() {
    DirectorySnapshot d = DemoNetwork.directory();
    Campaign c = d.campaigns().get(0);
    Campaign withTerms =
        new Campaign(
            c.id(),
            c.name(),
            c.verticalId(),
            c.currency(),
            c.payout(),
            c.duplicateRule(),
            c.marginPercent(),
            c.marginAmount(),
            null,
            Map.of("pub-1", PayoutPolicy.fixed(90, 120, Money.usd("180"), 0)),
            null);
    DirectorySnapshot changed =
        new DirectorySnapshot(
            d.verticals(),
            List.of(withTerms),
            d.publishers(),
            d.buyers(),
            d.targets(),
            d.targetGroups(),
            d.trackingNumbers(),
            d.connectorIds());

    VersionReview review =
        VersionReview.of(FlowCompiler.compile(DemoNetwork.flow(), changed).orElseThrow());

    assertThat(review.billing().tables())
        .extracting(DecisionTable::name)
        .containsExactly(
            "Buyer revenue",
            "Publisher payout",
            "Region bonus",
            "Buyer revenue (buyer any other, publisher pub-1)",
            "Publisher payout (buyer any other, publisher pub-1)",
            "Region bonus (buyer any other, publisher pub-1)");
    assertThat(
            review
                .billing()
                .table("Publisher payout (buyer any other, publisher pub-1)")
                .orElseThrow()
                .rows())
        .extracting(TableRow::sentence)
        .contains("In every case: Payable is yes, Amount is 180, Reason is fixed payout $180.00.");
  }
}
