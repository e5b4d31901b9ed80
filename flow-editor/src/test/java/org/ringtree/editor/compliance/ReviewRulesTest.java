package org.ringtree.editor.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.shell.Viewer;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.review.ComplianceReviews.FlowEntry;
import org.ringtree.rules.review.ComplianceReviews.VersionEntry;

class ReviewRulesTest {

  static final Viewer ADMIN = new Viewer("ann", Set.of(Viewer.ADMIN));
  static final Viewer OPERATOR = new Viewer("otto", Set.of(Viewer.OPERATOR));
  static final Viewer COMPLIANCE = new Viewer("carla", Set.of(Viewer.COMPLIANCE));

  static VersionEntry version(String author, String state, boolean live) {
    return new VersionEntry(
        7,
        "f",
        2,
        VersionKey.of("00000000000000f2"),
        author,
        Instant.EPOCH,
        live,
        state,
        List.of());
  }

  @Test
  void complianceMayDecideOnSomeoneElsesVersion() {
    assertThat(ReviewRules.decide(COMPLIANCE, version("otto", "PENDING", false)).allowed())
        .isTrue();
  }

  @Test
  void theAuthorMayNotDecideOnTheirOwnVersionEvenAsAdmin() {
    ReviewRules.Offer offer = ReviewRules.decide(ADMIN, version("ann", "PENDING", false));
    assertThat(offer.allowed()).isFalse();
    assertThat(offer.reason()).contains("four eyes");
  }

  @Test
  void anOperatorMayNeverDecide() {
    ReviewRules.Offer offer = ReviewRules.decide(OPERATOR, version("ann", "PENDING", false));
    assertThat(offer.allowed()).isFalse();
    assertThat(offer.reason()).contains("Only compliance staff or an admin");
  }

  @Test
  void publishingWaitsForApprovalOnlyWhileApprovalIsRequired() {
    assertThat(ReviewRules.publish(OPERATOR, version("otto", "PENDING", false), true).allowed())
        .isFalse();
    assertThat(ReviewRules.publish(OPERATOR, version("otto", "REJECTED", false), true).reason())
        .contains("it was rejected");
    assertThat(ReviewRules.publish(OPERATOR, version("otto", "APPROVED", false), true).allowed())
        .isTrue();
    assertThat(ReviewRules.publish(OPERATOR, version("otto", "PENDING", false), false).allowed())
        .isTrue();
  }

  @Test
  void complianceDoesNotPublishAndALiveVersionIsNotPublishedAgain() {
    assertThat(ReviewRules.publish(COMPLIANCE, version("otto", "APPROVED", false), true).allowed())
        .isFalse();
    assertThat(ReviewRules.publish(ADMIN, version("otto", "APPROVED", true), true).reason())
        .isEqualTo("This version is live.");
  }

  @Test
  void rollbackNeedsALiveVersionAndOnlyAdminsChangeTheSetting() {
    assertThat(ReviewRules.rollback(COMPLIANCE, new FlowEntry("f", "F", "c", 3L, 2)).allowed())
        .isTrue();
    assertThat(ReviewRules.rollback(COMPLIANCE, new FlowEntry("f", "F", "c", null, 2)).allowed())
        .isFalse();
    assertThat(ReviewRules.changeSetting(ADMIN).allowed()).isTrue();
    assertThat(ReviewRules.changeSetting(COMPLIANCE).allowed()).isFalse();
  }

  @Test
  void refusalsAreSentencesNotStackTraces() {
    assertThat(ReviewRules.refusal(new RuntimeException("Access Denied")))
        .isEqualTo("Refused: your role may not do this.");
    assertThat(ReviewRules.refusal(new IllegalStateException("version 2 is not approved")))
        .isEqualTo("Refused: version 2 is not approved");
  }
}
