package org.ringtree.rules.engine;

import org.ringtree.rules.flow.FlowNode;

/**
 * How a node kind runs in a call: what happens when the call reaches a node, and (for kinds that
 * wait) when what it waited for arrives. Implemented by the kind's handler in {@code
 * org.ringtree.rules.node}; {@link Ivr} walks the flow and asks each node's kind.
 */
public interface NodeExecution {

  /** The call reached this node. */
  Next enter(FlowNode node, Turn turn);

  /** What this node waited for arrived; only kinds that return {@link Next.Wait} get this. */
  default Next resume(FlowNode node, Turn turn, CallInput input) {
    throw new IllegalStateException("node " + node.id() + " does not wait for anything");
  }
}
