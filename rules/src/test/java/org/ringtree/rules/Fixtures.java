package org.ringtree.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;

/** Factory methods shared by the tests. */
public final class Fixtures {
  /** A Wednesday, 10:00 in Chicago. */
  public static final Instant WEDNESDAY_10_CHICAGO = Instant.parse("2026-11-25T16:00:00Z");

  /** A Wednesday, 22:00 in Chicago. */
  public static final Instant WEDNESDAY_22_CHICAGO = Instant.parse("2026-11-26T04:00:00Z");

  private Fixtures() {}

  public static CallFacts texasCall() {
    return call(Caller.of("+15125550199", "TX", "78701"), Map.of("source", "google"), List.of());
  }

  public static CallFacts call(Caller caller, Map<String, String> tags, List<PriorCall> history) {
    return new CallFacts(
        "call-1",
        "legal-tx",
        "pub-1",
        DemoNetwork.TRACKING_NUMBER,
        caller,
        tags,
        Map.of(),
        WEDNESDAY_10_CHICAGO,
        history);
  }

  public static CompiledFlow demoCompiled() {
    return FlowCompiler.compile(DemoNetwork.flow(), DemoNetwork.directory()).orElseThrow();
  }

  public static FlowNode node(String id, NodeKind kind, Map<String, Object> config) {
    return new FlowNode(id, kind, Position.ORIGIN, config);
  }

  public static FlowEdge edge(String from, String port, String to) {
    return new FlowEdge(from, port, to);
  }

  /** A flow builder for tests: start -> ... with explicit edges. */
  public static final class FlowBuilder {
    private final List<FlowNode> nodes = new ArrayList<>();
    private final List<FlowEdge> edges = new ArrayList<>();
    private String campaignId = "legal-tx";

    public FlowBuilder() {
      nodes.add(Fixtures.node("start", NodeKind.START, Map.of()));
    }

    public FlowBuilder node(String id, NodeKind kind, Map<String, Object> config) {
      nodes.add(Fixtures.node(id, kind, config));
      return this;
    }

    public FlowBuilder edge(String from, String port, String to) {
      edges.add(Fixtures.edge(from, port, to));
      return this;
    }

    public FlowBuilder campaign(String id) {
      this.campaignId = id;
      return this;
    }

    public FlowDocument build() {
      return new FlowDocument(1, "test-flow", "Test", campaignId, nodes, edges);
    }
  }

  public static DirectorySnapshot directory() {
    return DemoNetwork.directory();
  }
}
