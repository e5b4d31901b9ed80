package org.ringtree.rules.node;

import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.NodeExecution;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKindHandler;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.validation.IssueSink;
import org.ringtree.rules.validation.KindCheck;

/**
 * What every kind's handler is: a catalog entry, checks and execution. A kind whose settings need
 * no checks beyond its schema keeps the empty {@link #check}.
 */
public abstract class KindHandler implements NodeKindHandler, KindCheck, NodeExecution {
  private final NodeSpec spec;

  protected KindHandler(NodeSpec spec) {
    this.spec = spec;
  }

  @Override
  public final NodeSpec spec() {
    return spec;
  }

  @Override
  public void check(FlowNode node, DirectorySnapshot directory, IssueSink issues) {}
}
