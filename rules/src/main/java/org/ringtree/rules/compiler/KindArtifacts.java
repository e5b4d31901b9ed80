package org.ringtree.rules.compiler;

import java.util.Optional;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.flow.FlowNode;

/**
 * What a node kind adds to a version's shared artefacts besides its DRL ({@link KindRules}): a row
 * of the routing decision table, a Camel route. The compiler owns each artefact's shape and writes
 * every literal; the kind's handler in {@code org.ringtree.rules.node} says what its node needs.
 * Nodes are asked in id order; a kind that adds nothing keeps the defaults.
 */
public interface KindArtifacts {

  /**
   * This node's row of the routing DMN (the engine's routing policy for the node), if it routes.
   */
  default Optional<RoutingRow> routingRow(FlowNode node, Campaign campaign) {
    return Optional.empty();
  }

  /** The Camel route this node sends to while the call waits, if it calls one. */
  default Optional<CamelRoute> camelRoute(FlowNode node) {
    return Optional.empty();
  }
}
