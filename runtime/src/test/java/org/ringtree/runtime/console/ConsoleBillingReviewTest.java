package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.compliance.BillingReviewPort;
import org.ringtree.editor.compliance.BillingReviewPort.TableVersion;
import org.ringtree.rules.billing.PolicyOverride;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.billing.BillingPolicies;
import org.ringtree.runtime.billing.BillingTableVersions;
import org.ringtree.runtime.billing.MoneyProblem;
import org.ringtree.runtime.billing.OverrideChanges;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The billing-table review port on the seeded demo network in real PostgreSQL, with approval on: an
 * override change proposes tables that the port lists as pending with their diff; the person who
 * asked and an operator are refused; compliance approves and the tables are live; a rival change
 * reviewed against the old table is then refused as no longer current.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ConsoleBillingReviewTest extends PostgresTest {

  static final String CAMPAIGN = "pi-accidents";
  static final String PUBLISHER = "blue-billboard";

  @Autowired BillingReviewPort port;
  @Autowired OverrideChanges changes;
  @Autowired BillingTableVersions tables;
  @Autowired ComplianceSettings settings;

  @AfterEach
  void cleanUp() {
    SecurityContextHolder.clearContext();
    settings.setRequireApproval(false, "test");
    changes
        .list(OverrideChanges.State.PENDING)
        .forEach(c -> changes.reject(c.id(), "test", "test"));
    changes.delete(BillingPolicies.Scope.PUBLISHER, PUBLISHER, CAMPAIGN, "test");
  }

  static PolicyOverride fixed(String amount) {
    return new PolicyOverride(
        null, null, null, new BigDecimal(amount), null, null, null, null, null, null, null, null);
  }

  static void signedIn(String user, String role) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                user, null, AuthorityUtils.createAuthorityList("ROLE_" + role)));
  }

  @Test
  void aPendingTableIsListedWithItsDiffAndGoesLiveWhenASecondPersonApproves() {
    settings.setRequireApproval(true, "test");
    OverrideChanges.Outcome asked =
        changes.save(BillingPolicies.Scope.PUBLISHER, PUBLISHER, CAMPAIGN, fixed("150"), "admin");
    assertThat(asked.pending()).as("with approval on, the change waits").isNotNull();
    assertThat(asked.tables()).isNotEmpty();
    long id = asked.tables().get(0).id();

    signedIn("operator", "OPERATOR");
    List<TableVersion> listed = port.versions();
    TableVersion pending = listed.stream().filter(v -> v.id() == id).findFirst().orElseThrow();
    assertThat(pending.state()).isEqualTo("PENDING");
    assertThat(pending.cause()).isEqualTo("OVERRIDE");
    assertThat(pending.changeId()).isEqualTo(asked.pending().id());
    assertThat(pending.requestedBy()).isEqualTo("admin");
    assertThat(pending.campaignId()).isEqualTo(CAMPAIGN);
    BillingReviewPort.TableReview review = port.review(id).orElseThrow();
    assertThat(review.table().tables()).isNotEmpty();
    assertThat(review.diff().stream().flatMap(d -> d.summary().stream()).toList().toString())
        .contains("→ 150");
    // operators read the review but the platform refuses their decision
    assertThatThrownBy(() -> port.approve(id, null)).isInstanceOf(AccessDeniedException.class);

    // the admin asked, so the admin may not approve (four eyes)
    signedIn("admin", "ADMIN");
    assertThatThrownBy(() -> port.approve(id, null))
        .isInstanceOf(MoneyProblem.class)
        .hasMessageContaining("someone other than who asked");
    assertThat(tables.find(id).orElseThrow().state()).isEqualTo(BillingTableVersions.State.PENDING);

    // a rival change is asked for against the same live table
    OverrideChanges.Outcome rival =
        changes.save(BillingPolicies.Scope.PUBLISHER, PUBLISHER, CAMPAIGN, fixed("160"), "admin");
    long rivalId = rival.tables().get(0).id();

    signedIn("compliance", "COMPLIANCE");
    List<TableVersion> decided = port.approve(id, "agreed rate");
    assertThat(decided).isNotEmpty().allMatch(v -> v.state().equals("LIVE"));
    assertThat(decided).allMatch(v -> "compliance".equals(v.decidedBy()));
    assertThat(tables.find(id).orElseThrow().state()).isEqualTo(BillingTableVersions.State.LIVE);
    assertThat(changes.find(asked.pending().id()).orElseThrow().state())
        .isEqualTo(OverrideChanges.State.APPLIED);

    // the rival was reviewed against the table that is no longer live: refused, in words
    assertThatThrownBy(() -> port.approve(rivalId, null))
        .isInstanceOf(MoneyProblem.class)
        .hasMessageContaining("changed since this change was asked for");
    assertThat(port.reject(rivalId, "superseded")).allMatch(v -> v.state().equals("REJECTED"));
    // a decided table cannot be decided again
    assertThatThrownBy(() -> port.approve(id, null))
        .isInstanceOf(MoneyProblem.class)
        .hasMessageContaining("is live");
  }
}
