package org.ringtree.rules.compiler;

import org.ringtree.rules.flow.FlowNode;

/**
 * The DRL a node kind compiles to, written by the kind's handler in {@code
 * org.ringtree.rules.node}. Kinds whose nodes the rules never decide do not implement it.
 */
public interface KindRules {

  /** Writes the rules of one (validated) node; nodes are visited in id order. */
  void writeRules(FlowNode node, DrlRules drl);
}
