package org.ringtree.rules.node;

import org.ringtree.rules.compiler.KindArtifacts;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.NodeExecution;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKindHandler;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.validation.IssueSink;
import org.ringtree.rules.validation.KindCheck;

/**
 * What every kind's handler is: a catalog entry, checks, its share of the compiled artefacts and
 * execution. A kind whose settings need no checks beyond its schema keeps the empty {@link #check};
 * one that adds no routing row or Camel route keeps the {@link KindArtifacts} defaults.
 */
public abstract class KindHandler
    implements NodeKindHandler, KindCheck, KindArtifacts, NodeExecution {
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
