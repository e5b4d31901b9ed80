package org.ringtree.rules.node.start;

import java.util.List;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;
import org.ringtree.rules.node.KindHandler;

/** Where every call enters; the graph checks see to there being exactly one. */
public final class StartHandler extends KindHandler {

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.START,
          "Start",
          "Flow",
          "Where every call enters the flow. Exactly one per flow.",
          List.of(),
          List.of(new PortSpec("next", "Next", true, "The first step of the call.")),
          null);

  public StartHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig settings) {
    return "Calls enter here";
  }

  @Override
  public Next enter(FlowNode node, Turn turn) {
    return Next.port("next");
  }
}
