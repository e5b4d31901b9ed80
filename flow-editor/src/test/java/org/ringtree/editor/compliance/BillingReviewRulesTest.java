package org.ringtree.editor.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.compliance.BillingReviewPort.TableVersion;
import org.ringtree.editor.shell.Viewer;

class BillingReviewRulesTest {

  static final Viewer ADMIN = new Viewer("ann", Set.of(Viewer.ADMIN));
  static final Viewer OPERATOR = new Viewer("otto", Set.of(Viewer.OPERATOR));
  static final Viewer COMPLIANCE = new Viewer("carla", Set.of(Viewer.COMPLIANCE));

  static TableVersion version(long id, String state, String cause, String requestedBy) {
    return new TableVersion(
        id,
        "pi-accidents",
        "*",
        "blue-billboard",
        state,
        cause,
        "OVERRIDE".equals(cause) ? 3L : null,
        requestedBy,
        Instant.EPOCH,
        "PENDING".equals(state) ? null : "carla",
        null,
        "billing-new",
        "billing-old");
  }

  @Test
  void complianceMayDecideSomeoneElsesPendingTable() {
    assertThat(
            BillingReviewRules.decide(COMPLIANCE, version(1, "PENDING", "OVERRIDE", "ann"))
                .allowed())
        .isTrue();
    assertThat(BillingReviewRules.decide(ADMIN, version(1, "PENDING", "FLOW", "otto")).allowed())
        .isTrue();
  }

  @Test
  void whoAskedMayNotDecideEvenAsAdmin() {
    ReviewRules.Offer change =
        BillingReviewRules.decide(ADMIN, version(1, "PENDING", "OVERRIDE", "ann"));
    assertThat(change.allowed()).isFalse();
    assertThat(change.reason()).contains("You asked for this change", "four eyes");
    ReviewRules.Offer flow = BillingReviewRules.decide(ADMIN, version(1, "PENDING", "FLOW", "ann"));
    assertThat(flow.allowed()).isFalse();
    assertThat(flow.reason()).contains("You wrote the flow version", "four eyes");
  }

  @Test
  void operatorsReadButNeverDecide() {
    ReviewRules.Offer offer =
        BillingReviewRules.decide(OPERATOR, version(1, "PENDING", "OVERRIDE", "ann"));
    assertThat(offer.allowed()).isFalse();
    assertThat(offer.reason()).contains("Only compliance staff or an admin");
  }

  @Test
  void aDecidedTableOffersNothingAndSaysWhoDecided() {
    ReviewRules.Offer offer =
        BillingReviewRules.decide(COMPLIANCE, version(1, "LIVE", "OVERRIDE", "ann"));
    assertThat(offer.allowed()).isFalse();
    assertThat(offer.reason()).isEqualTo("This table was decided already: it is live (carla).");
    assertThat(
            BillingReviewRules.decide(COMPLIANCE, version(1, "REJECTED", "FLOW", "ann")).reason())
        .contains("rejected");
  }

  @Test
  void pendingTablesComeFirstOldestFirstThenTheRestNewestFirst() {
    List<TableVersion> ordered =
        BillingReviewRules.ordered(
            List.of(
                version(9, "LIVE", "OVERRIDE", "ann"),
                version(8, "PENDING", "OVERRIDE", "ann"),
                version(7, "RETIRED", "FLOW", "ann"),
                version(5, "PENDING", "FLOW", "ann"),
                version(6, "REJECTED", "OVERRIDE", "ann")));
    assertThat(ordered.stream().map(TableVersion::id)).containsExactly(5L, 8L, 9L, 7L, 6L);
  }

  @Test
  void scopeAndCauseInWords() {
    TableVersion v = version(1, "PENDING", "OVERRIDE", "ann");
    assertThat(BillingReviewRules.scope(v)).isEqualTo("any buyer · publisher blue-billboard");
    assertThat(BillingReviewRules.cause(v)).isEqualTo("override change #3");
    assertThat(BillingReviewRules.cause(version(1, "PENDING", "FLOW", "ann")))
        .isEqualTo("new flow version");
    assertThat(BillingReviewRules.state(version(1, "RETIRED", "FLOW", "ann")))
        .isEqualTo("Replaced");
  }
}
