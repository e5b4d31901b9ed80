package org.ringtree.rules.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.GeoFilter;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.money.Money;

class VersionDiffTest {

  private final FlowDocument flow = DemoNetwork.flow();
  private final DirectorySnapshot directory = DemoNetwork.directory();

  @Test
  void identicalVersionsHaveNoDifferences() {
    VersionDiff diff = VersionDiff.between(Fixtures.demoCompiled(), Fixtures.demoCompiled());

    assertThat(diff.isEmpty()).isTrue();
  }

  @Test
  void aChangedPromptIsSummarisedWithoutQuotingTheWholeText() {
    FlowDocument changed =
        withNode(flow, configured(flow, "zip", "prompt", "Please key in your zip code now."));

    assertThat(FlowDiff.between(flow, changed))
        .extracting(Change::summary)
        .containsExactly("node zip: prompt changed");
  }

  @Test
  void aNewConditionNodeAndARewiredEdgeAreSummarisedInWords() {
    Map<String, Object> clause = new LinkedHashMap<>();
    clause.put("type", "geo");
    clause.put("field", "state");
    clause.put("operator", "in");
    clause.put("values", List.of("CA", "NV"));
    FlowNode west =
        new FlowNode(
            "west", NodeKind.CONDITION, Position.ORIGIN, Map.of("clauses", List.of(clause)));
    List<FlowNode> nodes = new ArrayList<>(flow.nodes());
    nodes.add(west);
    List<FlowEdge> edges = new ArrayList<>(flow.edges());
    edges.removeIf(e -> e.from().equals("texas") && e.port().equals("false"));
    edges.add(new FlowEdge("texas", "false", "west"));
    edges.add(new FlowEdge("west", "true", "qualified"));
    edges.add(new FlowEdge("west", "false", "not-served"));
    FlowDocument changed =
        new FlowDocument(
            flow.schemaVersion(), flow.id(), flow.name(), flow.campaignId(), nodes, edges);

    assertThat(FlowDiff.between(flow, changed))
        .extracting(Change::summary)
        .containsExactly(
            "new condition (node west): state in CA, NV",
            "texas [false] now leads to west (was not-served)",
            "new path: west [true] → qualified",
            "new path: west [false] → not-served");
  }

  @Test
  void anAddedClauseOnAnExistingConditionIsANewCondition() {
    FlowNode texas = flow.node("texas").orElseThrow();
    List<Object> clauses = new ArrayList<>((List<?>) texas.config().get("clauses"));
    clauses.add(
        Map.of("type", "geo", "field", "state", "operator", "in", "values", List.of("CA", "NV")));
    FlowDocument changed = withNode(flow, configured(flow, "texas", "clauses", clauses));

    assertThat(FlowDiff.between(flow, changed))
        .extracting(Change::summary)
        .containsExactly("node texas: new condition: state in CA, NV");
  }

  @Test
  void movingANodeOrWritingOutADefaultIsNotAChange() {
    FlowNode zip = flow.node("zip").orElseThrow();
    FlowNode moved = new FlowNode("zip", zip.kind(), new Position(500, 500), zip.config());
    FlowDocument layoutOnly = withNode(flow, moved);
    FlowNode explicitDefault = configured(flow, "zip", "language", "en-US");

    assertThat(FlowDiff.between(flow, layoutOnly)).isEmpty();
    assertThat(FlowDiff.between(flow, withNode(flow, explicitDefault))).isEmpty();
  }

  @Test
  void aRaisedDailyCapAndANewGeoConditionAreNamedByTheTarget() {
    DirectorySnapshot changed =
        replaceTargets(
            directory,
            t ->
                switch (t.id()) {
                  case "acme-law" ->
                      t.withCaps(new Caps(Caps.CountOn.CONNECTIONS, 5, null, 60, null, null));
                  case "gamma-attorneys" -> t.withGeo(GeoFilter.states("CA", "NV"));
                  default -> t;
                });

    assertThat(DirectoryDiff.between(directory, changed))
        .extracting(Change::summary)
        .containsExactly(
            "Acme Law: daily cap 40 → 60", "Gamma Attorneys: new condition: states in CA, NV");
  }

  @Test
  void aChangedPayoutPolicyShowsAsChangedRowsAndCellsOfTheCompiledTables() {
    Campaign c = directory.campaigns().get(0);
    Campaign shorter =
        new Campaign(
            c.id(),
            c.name(),
            c.verticalId(),
            c.currency(),
            PayoutPolicy.fixed(90, 45, Money.usd("200"), 30),
            c.duplicateRule(),
            BigDecimal.ZERO,
            c.marginAmount());
    DirectorySnapshot changed =
        new DirectorySnapshot(
            directory.verticals(),
            List.of(shorter),
            directory.publishers(),
            directory.buyers(),
            directory.targets(),
            directory.targetGroups(),
            directory.trackingNumbers(),
            directory.connectorIds());
    CompiledFlow before = Fixtures.demoCompiled();
    CompiledFlow after = FlowCompiler.compile(flow, changed).orElseThrow();

    VersionDiff diff = VersionDiff.between(before, after);

    TableDiff payout =
        diff.tables().stream()
            .filter(t -> t.table().equals("Publisher payout"))
            .findFirst()
            .orElseThrow();
    assertThat(payout.rows()).hasSize(1);
    TableDiff.RowChange row = payout.rows().get(0);
    assertThat(row.kind()).isEqualTo(ChangeKind.CHANGED);
    assertThat(row.cells())
        .extracting(
            TableDiff.CellChange::column, TableDiff.CellChange::before, TableDiff.CellChange::after)
        .contains(org.assertj.core.groups.Tuple.tuple("Talk seconds", "< 60", "< 45"));
    assertThat(diff.summary())
        .contains("Texas personal injury: payout publisher min seconds 60 → 45")
        .anyMatch(
            s ->
                s.startsWith(
                    "Publisher payout: row " + row.rowId() + " changed: Talk seconds < 60 → < 45"));
  }

  @Test
  void aRemovedRouteNodeRemovesItsRoutingRow() {
    CompiledFlow before = Fixtures.demoCompiled();
    TableDiff added =
        TableDiff.between(
            null, DmnReader.read(before.routingDmn(), before.ruleIndex()).tables().get(0));
    TableDiff removed =
        TableDiff.between(
            DmnReader.read(before.routingDmn(), before.ruleIndex()).tables().get(0), null);

    assertThat(added.rows()).extracting(TableDiff.RowChange::kind).containsOnly(ChangeKind.ADDED);
    assertThat(removed.rows())
        .extracting(TableDiff.RowChange::kind)
        .containsOnly(ChangeKind.REMOVED);
    assertThat(removed.summary()).first().isEqualTo("Decision table Routing policy removed.");
  }

  @Test
  void anUnchangedConnectorNodeIsNotShownAsOneRouteRemovedAndAnotherAdded() {
    FlowDocument withLookup = withConnectorFirst(flow);
    FlowDocument changed =
        withNode(withLookup, configured(withLookup, "zip", "prompt", "Key in your zip code."));
    CompiledFlow before = FlowCompiler.compile(withLookup, directory).orElseThrow();
    CompiledFlow after = FlowCompiler.compile(changed, directory).orElseThrow();
    assertThat(before.versionKey()).isNotEqualTo(after.versionKey());

    VersionDiff diff = VersionDiff.between(before, after);

    assertThat(diff.summary()).noneMatch(line -> line.contains("lookup"));
    assertThat(diff.summary()).contains("node zip: prompt changed");
  }

  /** The flow with a connector node between start and the first step. */
  private static FlowDocument withConnectorFirst(FlowDocument doc) {
    FlowEdge first =
        doc.edges().stream().filter(e -> e.from().equals("start")).findFirst().orElseThrow();
    List<FlowNode> nodes = new ArrayList<>(doc.nodes());
    nodes.add(
        new FlowNode(
            "lookup", NodeKind.CONNECTOR, Position.ORIGIN, Map.of("connectorId", "crm-lookup")));
    List<FlowEdge> edges = new ArrayList<>(doc.edges());
    edges.remove(first);
    edges.add(new FlowEdge("start", first.port(), "lookup"));
    edges.add(new FlowEdge("lookup", "next", first.to()));
    return new FlowDocument(
        doc.schemaVersion(), doc.id(), doc.name(), doc.campaignId(), nodes, edges);
  }

  private static FlowNode configured(FlowDocument doc, String nodeId, String key, Object value) {
    FlowNode n = doc.node(nodeId).orElseThrow();
    Map<String, Object> config = new LinkedHashMap<>(n.config());
    config.put(key, value);
    return new FlowNode(n.id(), n.kind(), n.position(), config);
  }

  private static FlowDocument withNode(FlowDocument doc, FlowNode node) {
    List<FlowNode> nodes =
        doc.nodes().stream().map(n -> n.id().equals(node.id()) ? node : n).toList();
    return new FlowDocument(
        doc.schemaVersion(), doc.id(), doc.name(), doc.campaignId(), nodes, doc.edges());
  }

  private static DirectorySnapshot replaceTargets(
      DirectorySnapshot d, java.util.function.UnaryOperator<Target> change) {
    return new DirectorySnapshot(
        d.verticals(),
        d.campaigns(),
        d.publishers(),
        d.buyers(),
        d.targets().stream().map(change).toList(),
        d.targetGroups(),
        d.trackingNumbers(),
        d.connectorIds());
  }
}
