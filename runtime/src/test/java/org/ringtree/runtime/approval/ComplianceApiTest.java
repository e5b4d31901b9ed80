package org.ringtree.runtime.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.io.Resource;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.core.internal.utils.DMNRuntimeBuilder;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Review, diff, four-eyes approval, publish and rollback over the real REST API. */
class ComplianceApiTest extends SecuredAppTest {

  private static final String DEMO_FLOW = "demo-legal-ring-tree";

  @Autowired DirectoryStore directory;
  @Autowired FlowStore flows;
  @Autowired ComplianceSettings settings;
  @Autowired JdbcClient jdbc;

  private TestFlows.TestFlow flow;

  @BeforeEach
  void aFlowOfItsOwn() {
    flow = TestFlows.create(directory);
  }

  @AfterEach
  void approvalOff() {
    settings.setRequireApproval(false, "test");
  }

  @Test
  void theComplianceApiNeedsASignInWhileHealthStaysOpen() {
    Api.Reply anonymous = anonymous().get("/api/compliance/flows");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(as(OPERATOR, "wrong-password-123").get("/api/compliance/flows").status())
        .isEqualTo(401);
    assertThat(anonymous().get("/api/audit").status()).isEqualTo(401);
    assertThat(anonymous().get("/api/portal/calls").status()).isEqualTo(401);
    assertThat(anonymous().get("/api/users").status()).isEqualTo(401);

    assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous().get("/api/calls/CA-none").status()).isEqualTo(401);
    assertThat(as(COMPLIANCE).get("/api/calls/CA-none").status()).isEqualTo(404);
  }

  @Test
  void reviewShowsTheCompiledTablesInPlainWordsWithRowsAndRulesLinkedToTheirNodes() {
    long live = liveVersion(DEMO_FLOW);

    JsonNode review = as(COMPLIANCE).get("/api/compliance/versions/" + live).json();

    JsonNode routing = review.at("/review/routing/tables/0");
    assertThat(routing.get("name").asText()).isEqualTo("Routing policy");
    assertThat(routing.get("hitPolicy").asText()).isEqualTo("UNIQUE");
    assertThat(routing.at("/inputs/0/label").asText()).isEqualTo("Route node");
    assertThat(routing.at("/rows/0/nodeId").asText()).isEqualTo("ring");
    assertThat(routing.at("/rows/0/sentence").asText())
        .isEqualTo(
            "When Route node is ring: Method is ringTree,"
                + " Minimum offer is max([100, Publisher payout + 20]), Auction is tiers.");
    List<String> billing = new ArrayList<>();
    review.at("/review/billing/tables").forEach(t -> billing.add(t.get("name").asText()));
    assertThat(billing).containsExactly("Buyer revenue", "Publisher payout", "Region bonus");
    assertThat(review.at("/review/billing/tables/1/rows/0/sentence").asText())
        .isEqualTo(
            "When Blocked is yes: Payable is no, Amount is 0, Reason is blocked or spam call.");
    List<String> drlNodes = new ArrayList<>();
    review
        .at("/review/rules")
        .forEach(
            r -> {
              if (r.get("artifact").asText().equals("drl") && !r.get("nodeId").isNull()) {
                drlNodes.add(r.get("nodeId").asText());
              }
            });
    // the route node's skip rules and the demo's do-not-call condition
    assertThat(drlNodes).isNotEmpty().containsOnly("ring", "listed");
    assertThat(review.at("/status/state").asText()).isEqualTo("PENDING");
    assertThat(review.at("/status/live").asBoolean()).isTrue();

    assertThat(as(OPERATOR).get("/api/compliance/versions/" + live).status()).isEqualTo(200);
    assertThat(as(PUBLISHER).get("/api/compliance/versions/" + live).status()).isEqualTo(403);
    assertThat(as(BUYER).get("/api/compliance/flows").status()).isEqualTo(403);
  }

  @Test
  void downloadsAreTheStoredArtifactsAndTheDmnFilesLoadInTheKieEngine() {
    long live = liveVersion(DEMO_FLOW);
    Api compliance = as(COMPLIANCE);

    Api.Reply routing = compliance.get("/api/compliance/versions/" + live + "/routing.dmn");
    Api.Reply billing = compliance.get("/api/compliance/versions/" + live + "/billing.dmn");
    Api.Reply json = compliance.get("/api/compliance/versions/" + live + "/flow.json");

    assertThat(routing.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"demo-legal-ring-tree-v1-routing.dmn\"");
    assertThat(routing.header("Content-Type")).startsWith("application/xml");
    assertThat(routing.body()).isEqualTo(stored(live, "routing_dmn"));
    assertThat(billing.body()).isEqualTo(stored(live, "payout_dmn"));
    KieServices ks = KieServices.Factory.get();
    List<Resource> files =
        List.of(
            ks.getResources()
                .newByteArrayResource(routing.body().getBytes(StandardCharsets.UTF_8))
                .setSourcePath("routing.dmn"),
            ks.getResources()
                .newByteArrayResource(billing.body().getBytes(StandardCharsets.UTF_8))
                .setSourcePath("billing.dmn"));
    DMNRuntime dmn =
        DMNRuntimeBuilder.fromDefaults()
            .buildConfiguration()
            .fromResources(files)
            .getOrElseThrow(e -> new IllegalStateException("downloaded DMN did not load", e));
    assertThat(dmn.getModels()).hasSize(2);
    assertThat(json.header("Content-Disposition")).contains("demo-legal-ring-tree-v1-flow.json");
    assertThat(FlowJson.read(json.body()).document().orElseThrow().id()).isEqualTo(DEMO_FLOW);
  }

  @Test
  void anOperatorCannotApproveComplianceApprovesAndOnlyThenTheVersionGoesLive() {
    as(ADMIN).put("/api/compliance/settings", Map.of("requireApproval", true));
    long v1 = submit(as(OPERATOR), 100);

    Api.Reply unapproved = as(OPERATOR).post(publish(v1), Map.of());
    assertThat(unapproved.status()).isEqualTo(409);
    assertThat(unapproved.json().get("error").asText()).contains("is not approved");
    assertThat(as(OPERATOR).post(approve(v1), comment("looks fine")).status()).isEqualTo(403);

    Api.Reply rejected = as(COMPLIANCE).post(reject(v1), comment("floor too low for CA"));
    assertThat(rejected.json().get("state").asText()).isEqualTo("REJECTED");
    assertThat(as(OPERATOR).post(publish(v1), Map.of()).json().get("error").asText())
        .contains("was rejected by compliance");

    Api.Reply approved = as(COMPLIANCE).post(approve(v1), comment("floor confirmed with legal"));
    assertThat(approved.status()).isEqualTo(200);
    assertThat(approved.json().get("state").asText()).isEqualTo("APPROVED");
    assertThat(approved.json().get("decisions")).hasSize(2);

    Api.Reply published = as(OPERATOR).post(publish(v1), Map.of());
    assertThat(published.status()).isEqualTo(200);
    assertThat(published.json().at("/live").asBoolean()).isTrue();
    assertThat(liveVersion(flow.flowId())).isEqualTo(v1);
  }

  @Test
  void theAuthorOfAVersionCannotApproveItEvenAsAdmin() {
    long v1 = submit(as(ADMIN), 100);

    Api.Reply own = as(ADMIN).post(approve(v1), comment("mine, so fine"));

    assertThat(own.status()).isEqualTo(403);
    assertThat(own.json().get("error").asText()).startsWith("four eyes: admin authored");
    assertThat(as(COMPLIANCE).post(approve(v1), comment("ok")).status()).isEqualTo(200);
    assertThat(as(COMPLIANCE).post(approve(v1), comment("")).status()).isEqualTo(400);
  }

  @Test
  void complianceCannotEditOrPublishAFlowAndOnlyAdminsChangeTheSetting() {
    long v1 = submit(as(OPERATOR), 100);

    assertThat(as(COMPLIANCE).postRaw(versions(), flow.json(120)).status()).isEqualTo(403);
    assertThat(as(COMPLIANCE).post(publish(v1), Map.of()).status()).isEqualTo(403);
    assertThat(
            as(COMPLIANCE)
                .put("/api/compliance/settings", Map.of("requireApproval", true))
                .status())
        .isEqualTo(403);
    assertThat(
            as(OPERATOR).put("/api/compliance/settings", Map.of("requireApproval", true)).status())
        .isEqualTo(403);
    assertThat(as(PUBLISHER).postRaw(versions(), flow.json(120)).status()).isEqualTo(403);
    assertThat(as(ADMIN).put("/api/compliance/settings", Map.of("requireApproval", true)).json())
        .isEqualTo(as(COMPLIANCE).get("/api/compliance/settings").json());
  }

  @Test
  void aDocumentThatDoesNotCompileIsRefusedWithItsIssues() {
    Api.Reply bad =
        as(OPERATOR)
            .postRaw(
                versions(), flow.json(100).replace("\"legal-ring-tree\"", "\"no-such-group\""));

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("issues").toString()).contains("no-such-group");
  }

  @Test
  void aDocumentWithAnUnknownNodeKindIsRefusedWholeInsteadOfStoredWithoutThatNode() {
    Api.Reply bad =
        as(OPERATOR)
            .postRaw(
                versions(),
                flow.json(100)
                    .replaceFirst("\"kind\"\\s*:\\s*\"hangup\"", "\"kind\": \"sendFax\""));

    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("issues").toString()).contains("Unknown node kind", "sendFax");
  }

  @Test
  void theDiffBetweenTwoVersionsIsRowLevelForTablesAndInWordsForTheFlow() {
    long v1 = submit(as(OPERATOR), 100);
    long v2 =
        id(as(OPERATOR).postRaw(versions(), flow.json(120, "Key in your five digit zip code.")));

    JsonNode diff =
        as(COMPLIANCE).get("/api/compliance/versions/" + v2 + "/diff?against=" + v1).json();
    JsonNode byDefault = as(COMPLIANCE).get("/api/compliance/versions/" + v2 + "/diff").json();

    List<String> summary = new ArrayList<>();
    diff.at("/diff/summary").forEach(s -> summary.add(s.asText()));
    assertThat(summary)
        .contains("node zip: prompt changed", "node ring: floor 100 → 120")
        .anyMatch(s -> s.startsWith("Routing policy: row routing-ring changed: Minimum offer"));
    JsonNode row = diff.at("/diff/tables/0/rows/0");
    assertThat(row.get("kind").asText()).isEqualTo("CHANGED");
    assertThat(row.at("/cells/0/column").asText()).isEqualTo("Minimum offer");
    assertThat(row.at("/cells/0/before").asText()).isEqualTo("max([100, Publisher payout + 20])");
    assertThat(row.at("/cells/0/after").asText()).isEqualTo("max([120, Publisher payout + 20])");
    assertThat(byDefault.at("/from/id").asLong()).isEqualTo(v1);
  }

  @Test
  void rollbackReturnsToThePreviousLiveVersionInOneAuditedActionAndWalksBack() {
    long v1 = submit(as(OPERATOR), 100);
    long v2 = submit(as(OPERATOR), 110);
    long v3 = submit(as(OPERATOR), 120);
    for (long v : List.of(v1, v2, v3)) {
      assertThat(as(OPERATOR).post(publish(v), Map.of()).status()).isEqualTo(200);
    }
    // an emergency rollback is not blocked by the approval requirement: v2 was live before
    as(ADMIN).put("/api/compliance/settings", Map.of("requireApproval", true));

    assertThat(as(OPERATOR).post(rollback(), Map.of()).status()).isEqualTo(400);
    Api.Reply first = as(COMPLIANCE).post(rollback(), comment("v3 drops CA callers"));
    assertThat(first.status()).isEqualTo(200);
    assertThat(liveVersion(flow.flowId())).isEqualTo(v2);
    Api.Reply second = as(OPERATOR).post(rollback(), comment("v2 too"));
    assertThat(second.json().at("/id").asLong()).isEqualTo(v1);
    Api.Reply third = as(OPERATOR).post(rollback(), comment("and again"));
    assertThat(third.status()).isEqualTo(409);
    assertThat(liveVersion(flow.flowId())).isEqualTo(v1);

    List<String> kinds = new ArrayList<>();
    as(COMPLIANCE)
        .get("/api/compliance/flows/" + flow.flowId() + "/publications")
        .json()
        .forEach(p -> kinds.add(p.get("versionId").asLong() + " " + p.get("kind").asText()));
    assertThat(kinds)
        .containsExactly(
            v1 + " PUBLISH", v2 + " PUBLISH", v3 + " PUBLISH", v2 + " ROLLBACK", v1 + " ROLLBACK");
    JsonNode audit =
        as(COMPLIANCE)
            .get("/api/audit?objectType=flow&objectId=" + flow.flowId() + "&action=flow.rollback")
            .json();
    assertThat(audit).hasSize(2);
    assertThat(audit.at("/0/actor").asText()).isEqualTo("compliance");
    assertThat(audit.at("/0/before/liveVersionId").asLong()).isEqualTo(v3);
    assertThat(audit.at("/0/after/liveVersionId").asLong()).isEqualTo(v2);
    assertThat(audit.at("/0/after/comment").asText()).isEqualTo("v3 drops CA callers");
  }

  @Test
  void versionKeysStayBareStringsInEveryAnswerAndInTheAudit() {
    long v1 = submit(as(OPERATOR), 100);
    long v2 = submit(as(OPERATOR), 110);
    String key1 = stored(v1, "version_key");
    String key2 = stored(v2, "version_key");
    assertThat(key1).matches("[0-9a-f]{16}").isNotEqualTo(key2);

    JsonNode version = as(COMPLIANCE).get("/api/compliance/versions/" + v2).json();
    assertThat(version.at("/status/versionKey").isTextual()).isTrue();
    assertThat(version.at("/status/versionKey").asText()).isEqualTo(key2);
    assertThat(version.at("/review/versionKey").asText()).isEqualTo(key2);
    JsonNode listed = as(COMPLIANCE).get(versions()).json();
    assertThat(listed.at("/0/versionKey").asText()).isEqualTo(key2);
    assertThat(listed.at("/1/versionKey").asText()).isEqualTo(key1);
    JsonNode diff =
        as(COMPLIANCE).get("/api/compliance/versions/" + v2 + "/diff?against=" + v1).json();
    assertThat(diff.at("/diff/fromVersionKey").asText()).isEqualTo(key1);
    assertThat(diff.at("/diff/toVersionKey").asText()).isEqualTo(key2);
    JsonNode created =
        as(COMPLIANCE)
            .get(
                "/api/audit?objectType=flow&objectId="
                    + flow.flowId()
                    + "&action=flow.version.create")
            .json();
    List<String> audited = new ArrayList<>();
    created.forEach(a -> audited.add(a.at("/after/versionKey").asText()));
    assertThat(audited).containsExactlyInAnyOrder(key1, key2);
  }

  @Test
  void withApprovalRequiredNoCodePathCanMakeAnUnapprovedVersionLive() {
    long v1 = submit(as(OPERATOR), 100);
    settings.setRequireApproval(true, "test");

    assertThatThrownBy(() -> flows.makeLive(flow.flowId(), v1))
        .isInstanceOf(FlowStore.PublishRefusedException.class);
    assertThat(
            jdbc.sql("SELECT live_version_id FROM flows WHERE id = ?")
                .param(flow.flowId())
                .query((rs, i) -> rs.getObject(1, Long.class))
                .optional())
        .isEmpty();
  }

  private long submit(Api api, int floor) {
    return id(api.postRaw(versions(), flow.json(floor)));
  }

  private static long id(Api.Reply created) {
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().at("/id").asLong();
  }

  @Test
  void reviewShowsTheFraudPolicyOfTheFlowsCampaignAndTheScoreModelInWords() {
    long live = liveVersion(DEMO_FLOW);
    String campaign =
        jdbc.sql("SELECT campaign_id FROM flows WHERE id = ?")
            .param(DEMO_FLOW)
            .query(String.class)
            .single();
    Api.Reply saved =
        as(ADMIN)
            .put(
                "/api/fraud/policies/" + campaign,
                Map.of(
                    "actions",
                    Map.of("VELOCITY", "ROUTE_NOT_PAYABLE"),
                    "velocityCalls",
                    3,
                    "velocityWindowMinutes",
                    60));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    try {
      JsonNode safeguards =
          as(COMPLIANCE).get("/api/compliance/versions/" + live).json().get("safeguards");

      JsonNode policy = safeguards.at("/policies/0");
      assertThat(policy.get("campaignId").asText()).isEqualTo(campaign);
      assertThat(policy.get("source").asText())
          .isEqualTo("the network's policy with campaign " + campaign + "'s overrides");
      List<String> lines = new ArrayList<>();
      policy.get("lines").forEach(l -> lines.add(l.asText()));
      assertThat(lines)
          .containsExactly(
              "caller on the blocklist (number, prefix or area code)"
                  + " → reject at the door (the call is not answered)",
              "the same caller more than 3 times in 1 hour, across campaigns"
                  + " → route it, but the publisher is not paid for it");
      // the promoted score model, if another test promoted one in this database; else none
      String promoted =
          jdbc.sql("SELECT name FROM score_models WHERE state = 'PROMOTED'")
              .query(String.class)
              .optional()
              .orElse(null);
      if (promoted == null) {
        assertThat(safeguards.get("model").isNull()).isTrue();
      } else {
        assertThat(safeguards.at("/model/name").asText()).isEqualTo(promoted);
      }
    } finally {
      as(ADMIN).delete("/api/fraud/policies/" + campaign);
    }
    // without the override, the network's policy alone
    JsonNode after = as(COMPLIANCE).get("/api/compliance/versions/" + live).json();
    assertThat(after.at("/safeguards/policies/0/source").asText())
        .isEqualTo("the network's policy (campaign " + campaign + " overrides nothing)");
    assertThat(after.at("/safeguards/policies/0/lines").size()).isEqualTo(1);
  }

  private long liveVersion(String flowId) {
    return jdbc.sql("SELECT live_version_id FROM flows WHERE id = ?")
        .param(flowId)
        .query(Long.class)
        .single();
  }

  private String stored(long id, String column) {
    return jdbc.sql("SELECT " + column + " FROM flow_versions WHERE id = ?")
        .param(id)
        .query(String.class)
        .single();
  }

  private String versions() {
    return "/api/compliance/flows/" + flow.flowId() + "/versions";
  }

  private String rollback() {
    return "/api/compliance/flows/" + flow.flowId() + "/rollback";
  }

  private static String publish(long v) {
    return "/api/compliance/versions/" + v + "/publish";
  }

  private static String approve(long v) {
    return "/api/compliance/versions/" + v + "/approve";
  }

  private static String reject(long v) {
    return "/api/compliance/versions/" + v + "/reject";
  }

  private static Map<String, String> comment(String text) {
    return Map.of("comment", text);
  }
}
