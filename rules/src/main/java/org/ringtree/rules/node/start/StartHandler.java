package org.ringtree.rules.node.start;

import java.util.List;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.NodeExecution;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeKindHandler;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;
import org.ringtree.rules.validation.IssueSink;
import org.ringtree.rules.validation.KindCheck;

/** Where every call enters; the graph checks see to there being exactly one. */
public final class StartHandler implements NodeKindHandler, KindCheck, NodeExecution {

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.START,
          "Start",
          "Flow",
          "Where every call enters the flow. Exactly one per flow.",
          List.of(),
          List.of(new PortSpec("next", "Next", true, "The first step of the call.")),
          null);

  @Override
  public NodeSpec spec() {
    return SPEC;
  }

  @Override
  public String summary(NodeConfig settings) {
    return "Calls enter here";
  }

  @Override
  public void check(FlowNode node, DirectorySnapshot directory, IssueSink issues) {}

  @Override
  public Next enter(FlowNode node, Turn turn) {
    return Next.port("next");
  }
}
