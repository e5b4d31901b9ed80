package org.ringtree.rules.flow;

import java.util.Map;
import java.util.Objects;

/**
 * One node of a flow. {@code config} holds the settings described by the node kind's {@link
 * NodeSpec}: strings, numbers (BigDecimal or Long), booleans, lists and maps, as read from JSON.
 */
public record FlowNode(String id, NodeKind kind, Position position, Map<String, Object> config) {
  public FlowNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    position = position == null ? Position.ORIGIN : position;
    config = config == null ? Map.of() : ConfigValues.freeze(config);
  }

  public NodeConfig settings() {
    return new NodeConfig(NodeCatalog.spec(kind), config);
  }
}
