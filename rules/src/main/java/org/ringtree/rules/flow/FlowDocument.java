package org.ringtree.rules.flow;

import java.util.List;
import java.util.Optional;

/**
 * The flow an operator draws: versioned JSON with nodes and edges. {@code campaignId} names the
 * campaign whose billable/payout policy the flow compiles. Immutable once published.
 */
public record FlowDocument(
    int schemaVersion,
    String id,
    String name,
    String campaignId,
    List<FlowNode> nodes,
    List<FlowEdge> edges) {

  public static final int CURRENT_SCHEMA_VERSION = 1;

  public FlowDocument {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    edges = edges == null ? List.of() : List.copyOf(edges);
  }

  public Optional<FlowNode> node(String nodeId) {
    return nodes.stream().filter(n -> n.id().equals(nodeId)).findFirst();
  }

  /** The node a port leads to, if it is connected. */
  public Optional<String> next(String nodeId, String port) {
    return edges.stream()
        .filter(e -> e.from().equals(nodeId) && e.port().equals(port))
        .map(FlowEdge::to)
        .findFirst();
  }
}
