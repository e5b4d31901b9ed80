package org.ringtree.rules.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Keeps docs/compliance.md true: every example line of the diff summary there is produced by
 * comparing the example network's compiled flow with an edited copy.
 */
class ComplianceDocsTest {

  private static final Path DOC = Path.of("..", "docs", "compliance.md");

  @Test
  void everyDiffSummaryExampleInTheDocsIsWhatTheDiffSays() throws IOException {
    List<String> documented = summaryExamples(Files.readString(DOC));
    assertThat(documented).hasSizeGreaterThan(5);

    assertThat(actualSummaries()).containsAll(documented);
  }

  private static List<String> actualSummaries() {
    FlowDocument flow = DemoNetwork.flow();
    DirectorySnapshot directory = DemoNetwork.directory();
    CompiledFlow before = Fixtures.demoCompiled();

    FlowDocument edited = with(flow, set(flow, "zip", "prompt", "Key in your zip code."));
    edited = with(edited, set(edited, "ring", "floor", new BigDecimal("60")));
    FlowNode texas = edited.node("texas").orElseThrow();
    List<Object> clauses = new ArrayList<>((List<?>) texas.config().get("clauses"));
    clauses.add(
        Map.of("type", "geo", "field", "state", "operator", "in", "values", List.of("CA", "NV")));
    edited = with(edited, set(edited, "texas", "clauses", clauses));
    Map<String, Object> west = new LinkedHashMap<>();
    west.put(
        "clauses",
        List.of(
            Map.of(
                "type", "geo", "field", "state", "operator", "in", "values", List.of("CA", "NV"))));
    List<FlowNode> nodes = new ArrayList<>(edited.nodes());
    nodes.add(new FlowNode("west", NodeKind.CONDITION, Position.ORIGIN, west));
    List<FlowEdge> edges = new ArrayList<>(edited.edges());
    edges.removeIf(e -> e.from().equals("texas") && e.port().equals("false"));
    edges.add(new FlowEdge("texas", "false", "west"));
    edges.add(new FlowEdge("west", "true", "qualified"));
    edges.add(new FlowEdge("west", "false", "not-served"));
    edited =
        new FlowDocument(
            edited.schemaVersion(), edited.id(), edited.name(), edited.campaignId(), nodes, edges);

    Campaign c = directory.campaigns().get(0);
    List<Target> targets = new ArrayList<>();
    for (Target t : directory.targets()) {
      targets.add(
          switch (t.id()) {
            case "acme-law" ->
                t.withCaps(new Caps(Caps.CountOn.CONNECTIONS, 5, null, 60, null, null));
            case "gamma-attorneys" -> t.withGeo(GeoFilter.states("CA", "NV"));
            default -> t;
          });
    }
    DirectorySnapshot changed =
        new DirectorySnapshot(
            directory.verticals(),
            List.of(
                new Campaign(
                    c.id(),
                    c.name(),
                    c.verticalId(),
                    c.currency(),
                    PayoutPolicy.fixed(90, 45, Money.usd("200"), 30),
                    c.duplicateRule(),
                    c.marginPercent(),
                    c.marginAmount())),
            directory.publishers(),
            directory.buyers(),
            targets,
            directory.targetGroups(),
            directory.trackingNumbers(),
            directory.connectorIds());
    CompiledFlow after = FlowCompiler.compile(edited, changed).orElseThrow();
    return VersionDiff.between(before, after).summary();
  }

  /** The lines of the code block that follows "`diff.summary` says each change in words". */
  private static List<String> summaryExamples(String doc) {
    int at = doc.indexOf("`diff.summary` says each change in words");
    int open = doc.indexOf("```", at);
    int close = doc.indexOf("```", open + 3);
    List<String> out = new ArrayList<>();
    for (String line : doc.substring(doc.indexOf('\n', open) + 1, close).split("\n")) {
      if (!line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }

  private static FlowNode set(FlowDocument doc, String nodeId, String key, Object value) {
    FlowNode n = doc.node(nodeId).orElseThrow();
    Map<String, Object> config = new LinkedHashMap<>(n.config());
    config.put(key, value);
    return new FlowNode(n.id(), n.kind(), n.position(), config);
  }

  private static FlowDocument with(FlowDocument doc, FlowNode node) {
    return new FlowDocument(
        doc.schemaVersion(),
        doc.id(),
        doc.name(),
        doc.campaignId(),
        doc.nodes().stream().map(n -> n.id().equals(node.id()) ? node : n).toList(),
        doc.edges());
  }
}
