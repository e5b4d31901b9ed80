package org.ringtree.rules.engine;

import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.flow.FlowNode;

/**
 * How a node kind runs in a call: what happens when the call reaches a node, and (for kinds that
 * wait) when what it waited for arrives. Implemented by the kind's handler in {@code
 * org.ringtree.rules.node}; {@link Ivr} walks the flow and asks each node's kind.
 */
public interface NodeExecution {

  /**
   * Work done once when a version is built, for every call at this node: facts for the rules,
   * parsed settings. The call reads it back with {@link FlowRuntime#prepared}; null means none.
   */
  default Object prepare(FlowNode node, DirectorySnapshot directory) {
    return null;
  }

  /** The call reached this node. */
  Next enter(FlowNode node, Turn turn);

  /** What this node waited for arrived; only kinds that return {@link Next.Wait} get this. */
  default Next resume(FlowNode node, Turn turn, CallInput input) {
    throw new IllegalStateException("node " + node.id() + " does not wait for anything");
  }
}
