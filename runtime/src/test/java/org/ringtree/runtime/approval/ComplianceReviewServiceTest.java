package org.ringtree.runtime.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.review.ComplianceReviews;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The compliance port as a screen would call it: the same roles and four eyes as the REST API,
 * acting as the signed-in user.
 */
class ComplianceReviewServiceTest extends SecuredAppTest {

  @Autowired ComplianceReviews compliance;
  @Autowired FlowStore flows;
  @Autowired DirectoryStore directory;

  @Test
  void withoutASignedInUserNothingIsAnswered() {
    assertThatThrownBy(() -> compliance.flows())
        .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
  }

  @Test
  @WithUserDetails("operator")
  void anOperatorReadsReviewsButCannotApprove() {
    long v = version("operator");

    assertThat(compliance.review(v).routing().tables()).isNotEmpty();
    assertThatThrownBy(() -> compliance.approve(v, "fine by me"))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> compliance.requireApproval(true))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @WithUserDetails("compliance")
  void complianceApprovesAsItselfButCannotPublish() {
    long v = version("operator");

    ComplianceReviews.VersionEntry approved = compliance.approve(v, "checked");

    assertThat(approved.state()).isEqualTo("APPROVED");
    assertThat(approved.decisions().get(0).reviewer()).isEqualTo("compliance");
    assertThatThrownBy(() -> compliance.publish(v)).isInstanceOf(AccessDeniedException.class);
  }

  @Test
  @WithUserDetails("admin")
  void evenAnAdminCannotApproveTheirOwnVersion() {
    long v = version("admin");

    assertThatThrownBy(() -> compliance.approve(v, "mine"))
        .isInstanceOf(VersionReviews.FourEyesException.class);
  }

  @Test
  @WithUserDetails("publisher")
  void portalUsersCannotReadReviews() {
    assertThatThrownBy(() -> compliance.flows()).isInstanceOf(AccessDeniedException.class);
  }

  private long version(String author) {
    TestFlows.TestFlow flow = TestFlows.create(directory);
    return flows
        .saveVersion(
            FlowJson.read(flow.json(100)).document().orElseThrow(),
            directory.snapshot(Set.of("do-not-call")),
            author)
        .id();
  }
}
