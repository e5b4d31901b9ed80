package org.ringtree.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.billing.PolicyOverride;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first time a flow version settles a campaign, a combined table no reviewer has seen (the
 * flow's policy plus an approved override) is proposed for review; until someone other than the
 * flow's author approves it the scope books on a table a reviewer saw.
 */
class FlowBillingTablesTest extends RunningPlatformTest {

  @Autowired DirectoryStore directory;
  @Autowired FlowStore flows;
  @Autowired BillingTableVersions tables;
  @Autowired BillingPolicies policies;
  @Autowired OverrideChanges changes;
  @Autowired ComplianceSettings settings;
  @Autowired TransactionTemplate tx;
  @Autowired ObjectMapper json;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void approvalOffAgain() {
    settings.setRequireApproval(false, "test");
  }

  @Test
  void aNewFlowVersionsCombinedTableIsReviewedBeforeItBooks() throws Exception {
    String campaignId = "fresh-" + Long.toHexString(System.nanoTime());
    Campaign campaign =
        new Campaign(
            campaignId,
            "Fresh campaign",
            "legal",
            Money.USD,
            PayoutPolicy.fixed(90, 60, Money.usd("200.00"), 30),
            DuplicateRule.NONE,
            BigDecimal.ZERO,
            Money.usd("20.00"));
    directory.save(campaign, "America/Chicago");
    settings.setRequireApproval(true, "test");

    // an approved override for one publisher, before any flow of the campaign is live
    OverrideChanges.Outcome asked =
        changes.save(
            BillingPolicies.Scope.PUBLISHER,
            "blue-billboard",
            campaignId,
            new PolicyOverride(
                null,
                null,
                null,
                new BigDecimal("150"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            "admin");
    changes.apply(asked.pending().id(), "agreed", "compliance");

    FlowStore.StoredVersion flow = newFlowVersion(campaignId, "ann");
    Campaign compiled = flow.compiled().directory().campaign(campaignId).orElseThrow();
    String own = ownTable(compiled, "blue-billboard");

    BillingTableVersions.Live meanwhile = live(flow, compiled, "acme-law", "blue-billboard");
    assertThat(meanwhile.version().tableRef())
        .as("books on the flow's own table, reviewed with the flow")
        .isEqualTo(own);
    assertThat(meanwhile.table().ref()).isEqualTo(own);

    List<BillingTableVersions.Version> pending =
        tables.list(BillingTableVersions.State.PENDING, campaignId);
    assertThat(pending).singleElement();
    BillingTableVersions.Version proposed = pending.get(0);
    assertThat(proposed.cause()).isEqualTo(BillingTableVersions.Cause.FLOW);
    assertThat(proposed.buyerKey()).isEqualTo("*");
    assertThat(proposed.publisherKey()).isEqualTo("blue-billboard");
    assertThat(proposed.previousRef()).isEqualTo(own);
    assertThat(proposed.requestedBy()).isEqualTo("ann");
    assertThat(
            tables.review(proposed).diff().stream()
                .flatMap(d -> d.summary().stream())
                .toList()
                .toString())
        .contains("200 → 150");
    // the scope whose combined table is the flow's own went live without a review of its own
    assertThat(live(flow, compiled, "acme-law", "sunrise-media").version().state())
        .isEqualTo(BillingTableVersions.State.LIVE);

    // shown in the compliance review like an override change's tables
    JsonNode listed =
        json.readTree(
            send("GET", "/api/compliance/billing-tables?state=pending&campaign=" + campaignId)
                .body());
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("version").path("cause").asText()).isEqualTo("FLOW");

    assertThatThrownBy(() -> tables.approveFlowTables(proposed.id(), "ann"))
        .isInstanceOf(MoneyProblem.class)
        .hasMessageContaining("someone other than its author");

    HttpResponse<String> approved =
        send("POST", "/api/compliance/billing-tables/" + proposed.id() + "/approve");
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

    BillingTableVersions.Live after = live(flow, compiled, "acme-law", "blue-billboard");
    assertThat(after.version().id()).isEqualTo(proposed.id());
    assertThat(after.version().decidedBy()).isEqualTo("compliance");
    assertThat(after.table().dmn()).contains("150");
    assertThat(tables.find(meanwhile.version().id()).orElseThrow().state())
        .isEqualTo(BillingTableVersions.State.RETIRED);

    // the next flow version of the campaign finds the approved table and books on it at once
    FlowStore.StoredVersion next = newFlowVersion(campaignId, "bob");
    BillingTableVersions.Live carried =
        live(
            next,
            next.compiled().directory().campaign(campaignId).orElseThrow(),
            null,
            "blue-billboard");
    assertThat(carried.version().tableRef()).isEqualTo(after.version().tableRef());
    assertThat(carried.version().state()).isEqualTo(BillingTableVersions.State.LIVE);
    assertThat(tables.list(BillingTableVersions.State.PENDING, campaignId)).isEmpty();
  }

  @Test
  void aRejectedCombinedTableLeavesTheStandingTableBooking() throws Exception {
    String campaignId = "fresh-" + Long.toHexString(System.nanoTime());
    directory.save(
        new Campaign(
            campaignId,
            "Fresh campaign",
            "legal",
            Money.USD,
            PayoutPolicy.fixed(90, 60, Money.usd("200.00"), 30),
            DuplicateRule.NONE,
            BigDecimal.ZERO,
            Money.usd("20.00")),
        "America/Chicago");
    settings.setRequireApproval(true, "test");
    OverrideChanges.Outcome asked =
        changes.save(
            BillingPolicies.Scope.PUBLISHER,
            "blue-billboard",
            campaignId,
            new PolicyOverride(
                null,
                null,
                null,
                new BigDecimal("120"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            "admin");
    changes.apply(asked.pending().id(), null, "compliance");
    FlowStore.StoredVersion flow = newFlowVersion(campaignId, "ann");
    Campaign compiled = flow.compiled().directory().campaign(campaignId).orElseThrow();
    String own = ownTable(compiled, "blue-billboard");
    live(flow, compiled, null, "blue-billboard");
    long proposed = tables.list(BillingTableVersions.State.PENDING, campaignId).get(0).id();

    HttpResponse<String> rejected =
        send("POST", "/api/compliance/billing-tables/" + proposed + "/reject");
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    assertThat(tables.find(proposed).orElseThrow().state())
        .isEqualTo(BillingTableVersions.State.REJECTED);
    assertThat(live(flow, compiled, null, "blue-billboard").version().tableRef()).isEqualTo(own);
  }

  private BillingTableVersions.Live live(
      FlowStore.StoredVersion flow, Campaign c, String buyer, String publisher) {
    return tx.execute(s -> tables.live(flow, c, buyer, publisher));
  }

  private String ownTable(Campaign c, String publisher) {
    return tx.execute(
        s ->
            policies
                .table(
                    BillingPolicies.effective(
                            c, null, publisher, new BillingPolicies.OverrideSet(Map.of()))
                        .policy())
                .ref());
  }

  /** The demo flow, re-pointed at the campaign, saved by {@code author}. */
  private FlowStore.StoredVersion newFlowVersion(String campaignId, String author) {
    FlowDocument demo = flows.liveVersionOfCampaign("pi-accidents").orElseThrow().compiled().flow();
    FlowDocument doc =
        new FlowDocument(
            demo.schemaVersion(),
            "flow-" + campaignId,
            "Flow of " + campaignId,
            campaignId,
            demo.nodes(),
            demo.edges());
    return flows.saveVersion(doc, directory.snapshot(Set.of("do-not-call")), author);
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    String auth =
        Base64.getEncoder()
            .encodeToString("compliance:ringtree-compliance-demo".getBytes(StandardCharsets.UTF_8));
    return http.send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Authorization", "Basic " + auth)
            .header("Content-Type", "application/json")
            .method(
                method,
                method.equals("GET")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
