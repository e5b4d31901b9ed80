package org.ringtree.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.review.ComplianceReviews;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A version's generated Camel routes are loaded when it is built, connector nodes run through them
 * (the trace names the route a reviewer downloads), and they are removed when the version is
 * dropped.
 */
class VersionRoutesTest extends RunningPlatformTest {

  private static final String DEMO_FLOW = "demo-legal-ring-tree";
  private static final String CAMPAIGN = "pi-accidents";

  @Autowired CamelContext camel;
  @Autowired FlowStore flows;
  @Autowired FlowRuntimes runtimes;
  @Autowired DirectoryStore directory;
  @Autowired ComplianceReviews compliance;
  @Autowired JdbcClient jdbc;
  @Autowired io.micrometer.core.instrument.MeterRegistry meters;

  private long liveBefore;

  @BeforeEach
  void aConnectorNamedTier() throws Exception {
    driver().place(CallScript.demo()); // the demo flow is live and built
    liveBefore = flows.liveVersionIdOfCampaign(CAMPAIGN).orElseThrow();
    if (camel.getRoute("connector-tier") == null) {
      camel.addRoutes(
          new RouteBuilder() {
            @Override
            public void configure() {
              from("direct:connector-tier")
                  .routeId("connector-tier")
                  .setBody(exchange -> Map.of("tier", "gold"));
            }
          });
    }
  }

  @AfterEach
  void demoFlowLiveAgain() {
    flows.makeLive(DEMO_FLOW, liveBefore);
  }

  @Test
  void aVersionsGeneratedRoutesAreInCamelOnceBuiltAndGoneOnceDropped() {
    FlowStore.StoredVersion v = withConnector("routes loaded");
    String routeId = "ringtree-" + v.compiled().versionKey() + "-crm";
    assertThat(camel.getRoute(routeId)).isNull();

    runtimes.byId(v.id());
    assertThat(camel.getRoute(routeId)).isNotNull();
    assertThat(VersionRoutes.routeIds(v.compiled()))
        .containsExactlyInAnyOrder(routeId, "ringtree-" + v.compiled().versionKey() + "-dnc");

    runtimes.evictIdle(Set.of(liveBefore), Duration.ZERO);
    assertThat(runtimes.isBuilt(v.id())).isFalse();
    assertThat(camel.getRoute(routeId)).isNull();

    runtimes.byId(v.id()); // built again on demand, routes and all
    assertThat(camel.getRoute(routeId)).isNotNull();
  }

  @Test
  void aCallThroughAConnectorNodeRunsTheRouteTheComplianceDownloadShows() {
    FlowStore.StoredVersion v = withConnector("connector in the call");
    flows.makeLive(DEMO_FLOW, v.id());

    CallTranscript call = driver().place(CallScript.demo());

    // the demo flow's own do-not-call node has its route too
    List<String> downloaded =
        routeIdsIn(download(v.id())).stream().filter(id -> id.endsWith("-crm")).toList();
    assertThat(downloaded).hasSize(1);
    Map<String, Object> row =
        jdbc.sql(
                "SELECT t.outcome, t.reason, t.detail->>'route' AS route FROM routing_trace t JOIN"
                    + " calls c ON c.id = t.call_id WHERE c.call_sid = ? AND t.kind = 'connector'"
                    + " AND t.node_id = 'crm'")
            .param(call.callSid())
            .query()
            .singleRow();
    assertThat(row.get("route")).isEqualTo(downloaded.get(0));
    assertThat(row.get("outcome")).as(String.valueOf(row.get("reason"))).isEqualTo("OK");
    assertThat(
            jdbc.sql("SELECT state::text FROM calls WHERE call_sid = ?")
                .param(call.callSid())
                .query(String.class)
                .single())
        .as("the connector's answer became the call's tag")
        .contains("\"crm_tier\": \"gold\"");
    assertThat(
            meters
                .get("ringtree.connector.calls")
                .tag("connector", "tier")
                .tag("outcome", "ok")
                .timer()
                .count())
        .as("the call is counted for Prometheus")
        .isPositive();
  }

  /** The demo flow with connector node {@code crm} (connector {@code tier}) after the greeting. */
  private FlowStore.StoredVersion withConnector(String name) {
    FlowDocument demo = flows.byId(liveBefore).orElseThrow().compiled().flow();
    List<FlowNode> nodes = new ArrayList<>(demo.nodes());
    nodes.add(
        new FlowNode(
            "crm",
            NodeKind.CONNECTOR,
            new Position(200, 120),
            Map.of(
                "connectorId",
                "tier",
                "inputs",
                Map.of("phone", "caller.number"),
                "outputs",
                Map.of("crm_tier", "tier"),
                "timeoutMillis",
                2000L)));
    List<FlowEdge> edges = new ArrayList<>();
    for (FlowEdge e : demo.edges()) {
      edges.add(e.from().equals("greeting") ? new FlowEdge("greeting", "next", "crm") : e);
    }
    edges.add(new FlowEdge("crm", "next", "reason"));
    FlowDocument doc =
        new FlowDocument(demo.schemaVersion(), demo.id(), name, demo.campaignId(), nodes, edges);
    return flows.saveVersion(doc, directory.snapshot(Set.of("tier", "do-not-call")), "test");
  }

  private String download(long versionId) {
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                "compliance", null, List.of(new SimpleGrantedAuthority("ROLE_COMPLIANCE"))));
    try {
      return compliance.download(versionId, ComplianceReviews.Artifact.CAMEL_YAML);
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private static List<String> routeIdsIn(String yaml) {
    List<String> ids = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^    id: \"([^\"]+)\"$").matcher(yaml);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }
}
