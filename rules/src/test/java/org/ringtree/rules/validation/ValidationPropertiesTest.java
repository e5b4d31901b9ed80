package org.ringtree.rules.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FieldSpec;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;

/** Validation never throws, whatever the document, and every issue is anchored. */
class ValidationPropertiesTest {

  @Property(tries = 300)
  void readingArbitraryTextNeverThrows(@ForAll String text) {
    assertThat(FlowJson.read(text).issues()).isNotNull();
  }

  @Property(tries = 300)
  void readingArbitraryJsonNeverThrows(@ForAll("jsonish") String json) {
    assertThat(FlowJson.read(json)).isNotNull();
  }

  @Property(tries = 400)
  void validationNeverThrowsAndAnchorsEveryIssue(@ForAll("flows") FlowDocument flow) {
    List<Issue> issues = FlowValidator.validate(flow, DemoNetwork.directory());
    Set<String> anchors = new HashSet<>();
    flow.nodes().forEach(n -> anchors.add(n.id()));
    flow.edges().forEach(e -> anchors.add(e.from()));
    assertThat(issues).noneMatch(i -> i.code().equals("validator.failed"));
    assertThat(issues)
        .allSatisfy(
            i -> {
              assertThat(i.nodeId() == null || anchors.contains(i.nodeId()))
                  .as(i.toString())
                  .isTrue();
              assertThat(i.message()).isNotBlank();
              assertThat(i.code()).isNotBlank();
            });
  }

  @Property(tries = 200)
  void writtenFlowsReadBackEqual(@ForAll("flows") FlowDocument flow) {
    net.jqwik.api.Assume.that(
        flow.nodes().stream().map(FlowNode::id).distinct().count() == flow.nodes().size());
    assertThat(FlowJson.read(FlowJson.write(flow)).document()).contains(flow);
  }

  @Provide
  Arbitrary<String> jsonish() {
    Arbitrary<String> atoms =
        Arbitraries.of(
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            "\"a\"",
            "1",
            "-1e999",
            "null",
            "true",
            "\"schemaVersion\"",
            "\"nodes\"",
            "\"kind\"",
            "\"id\"",
            "\"config\"",
            "\"edges\"");
    return atoms.list().ofMaxSize(60).map(l -> String.join("", l));
  }

  private static Arbitrary<Object> value() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
        Arbitraries.longs().between(-5, 100_000).map(l -> (Object) l),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.of(
                "TX",
                "America/Chicago",
                "09:00",
                "2026-01-01",
                "acme-law",
                "crm-lookup",
                "ringTree",
                "regex",
                "([",
                "in",
                "geo",
                "tag",
                "schedule",
                "history")
            .map(s -> (Object) s),
        Arbitraries.of("TX", "CA", "1", "#").list().ofMaxSize(3).map(l -> (Object) l),
        Arbitraries.of("geo", "tag", "answer", "schedule", "history", "caller", "x")
            .map(
                t ->
                    (Object)
                        new LinkedHashMap<>(
                            Map.of(
                                "type",
                                t,
                                "field",
                                "state",
                                "operator",
                                "in",
                                "values",
                                List.of()))),
        Arbitraries.of("1", "2", "x", "11").map(k -> (Object) List.of(Map.of("key", k))));
  }

  @Provide
  Arbitrary<FlowDocument> flows() {
    Arbitrary<String> ids = Arbitraries.of("start", "a", "b", "c", "d", "e", "bad id", "");
    Arbitrary<FlowNode> node =
        Combinators.combine(ids, Arbitraries.of(NodeKind.class), config())
            .as(
                (id, kind, cfg) ->
                    new FlowNode(id.isEmpty() ? "x" : id, kind, Position.ORIGIN, cfg));
    Arbitrary<FlowEdge> edge =
        Combinators.combine(
                ids,
                Arbitraries.of(
                    "next",
                    "true",
                    "false",
                    "fallback",
                    "loop",
                    "exhausted",
                    "1",
                    "invalid",
                    "zzz"),
                ids)
            .as(FlowEdge::new);
    return Combinators.combine(
            node.list().ofMaxSize(8), edge.list().ofMaxSize(12), Arbitraries.of("legal-tx", "nope"))
        .as(
            (nodes, edges, campaign) ->
                new FlowDocument(1, "f", "f", campaign, withStart(nodes), edges));
  }

  private static List<FlowNode> withStart(List<FlowNode> nodes) {
    List<FlowNode> out = new ArrayList<>(nodes);
    if (out.isEmpty() || out.get(0).kind() != NodeKind.START) {
      out.add(0, new FlowNode("start", NodeKind.START, Position.ORIGIN, Map.of()));
    }
    return out;
  }

  private static Arbitrary<Map<String, Object>> config() {
    List<String> names = new ArrayList<>();
    NodeCatalog.all().forEach(s -> s.fields().stream().map(FieldSpec::name).forEach(names::add));
    names.add("unknown");
    return Arbitraries.maps(Arbitraries.of(names), value()).ofMaxSize(6);
  }
}
