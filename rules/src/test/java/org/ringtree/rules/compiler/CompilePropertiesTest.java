package org.ringtree.rules.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;

/** The same flow always compiles to byte-identical artifacts, also after an export/import. */
class CompilePropertiesTest {

  @Property(tries = 60)
  void compilationIsDeterministic(@ForAll("validFlows") FlowDocument flow) {
    CompiledFlow a = FlowCompiler.compile(flow, DemoNetwork.directory()).orElseThrow();
    CompiledFlow b = FlowCompiler.compile(flow, DemoNetwork.directory()).orElseThrow();
    FlowDocument reimported = FlowJson.read(FlowJson.write(flow)).document().orElseThrow();
    CompiledFlow c = FlowCompiler.compile(reimported, DemoNetwork.directory()).orElseThrow();
    assertThat(b).isEqualTo(a);
    assertThat(c).isEqualTo(a);
  }

  /** start -> a chain of say / set-tag / condition / route nodes -> hang-up, with random values. */
  @Provide
  Arbitrary<FlowDocument> validFlows() {
    Arbitrary<String> text =
        Arbitraries.strings().ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank());
    Arbitrary<Map<String, Object>> clause =
        Combinators.combine(
                Arbitraries.of("equals", "notEquals", "regex", "exists"),
                text,
                Arbitraries.of("source", "zip", "x.y"))
            .as(
                (op, v, field) ->
                    Map.of(
                        "type",
                        "tag",
                        "field",
                        field,
                        "operator",
                        op,
                        "value",
                        op.equals("regex") ? "[a-z]+" : v));
    Arbitrary<Step> step =
        Arbitraries.oneOf(
            text.map(t -> new Step(NodeKind.SAY, Map.of("text", t), "next")),
            text.map(t -> new Step(NodeKind.SET_TAG, Map.of("tag", "t", "value", t), "next")),
            clause
                .list()
                .ofMinSize(1)
                .ofMaxSize(3)
                .map(
                    cs ->
                        new Step(
                            NodeKind.CONDITION, Map.of("match", "any", "clauses", cs), "true")),
            Arbitraries.of("priority", "ringTree", "weighted")
                .map(
                    m ->
                        new Step(
                            NodeKind.ROUTE,
                            Map.of("targets", List.of("acme-law", "beta-legal"), "method", m),
                            "fallback")));
    return step.list().ofMaxSize(12).map(CompilePropertiesTest::chain);
  }

  record Step(NodeKind kind, Map<String, Object> config, String port) {}

  private static FlowDocument chain(List<Step> steps) {
    List<FlowNode> nodes = new ArrayList<>();
    List<FlowEdge> edges = new ArrayList<>();
    nodes.add(new FlowNode("start", NodeKind.START, Position.ORIGIN, Map.of()));
    nodes.add(new FlowNode("end", NodeKind.HANGUP, Position.ORIGIN, Map.of()));
    String prev = "start";
    String port = "next";
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      String id = "n" + i;
      nodes.add(new FlowNode(id, s.kind(), new Position(i * 10, i * 20), s.config()));
      edges.add(new FlowEdge(prev, port, id));
      if (s.kind() == NodeKind.CONDITION) {
        edges.add(new FlowEdge(id, "false", "end"));
      }
      prev = id;
      port = s.port();
    }
    edges.add(new FlowEdge(prev, port, "end"));
    return new FlowDocument(1, "p", "p", "legal-tx", nodes, edges);
  }
}
