package org.ringtree.rules.node.loop;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.INTEGER;

import java.util.List;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;
import org.ringtree.rules.node.KindHandler;

/** Takes its loop port until the limit, then exhausted; the only thing that caps a cycle. */
public final class GotoHandler extends KindHandler {

  record Settings(int maxLoops) {
    static Settings of(NodeConfig c) {
      return new Settings(c.integer("maxLoops", 3));
    }
  }

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.GOTO,
          "Go to / loop",
          "Flow",
          "Jumps back (or forward) along its loop port until the limit, then leaves by exhausted.",
          List.of(
              of(
                      "maxLoops",
                      "Loop limit",
                      INTEGER,
                      "How many times the loop port is taken per call.")
                  .range(1, 20)
                  .withDefault(3)),
          List.of(
              new PortSpec("loop", "Loop", true, "Taken while under the limit."),
              new PortSpec("exhausted", "Exhausted", true, "Taken once the limit is reached.")),
          null);

  public GotoHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig c) {
    return "up to " + c.string("maxLoops") + " loop(s)";
  }

  @Override
  public boolean capsLoops() {
    return true;
  }

  @Override
  public Next enter(FlowNode node, Turn t) {
    int loops = t.attempts().getOrDefault(node.id(), 0);
    int max = Settings.of(node.settings()).maxLoops();
    if (loops < max) {
      t.attempts().put(node.id(), loops + 1);
      t.trace(node.id(), null, "Loop " + (loops + 1) + " of " + max + ".");
      return Next.port("loop");
    }
    t.trace(node.id(), null, "Loop limit " + max + " reached.");
    return Next.port("exhausted");
  }
}
