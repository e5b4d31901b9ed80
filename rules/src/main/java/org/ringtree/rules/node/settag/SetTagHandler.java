package org.ringtree.rules.node.settag;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.STRING;

import java.util.List;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;
import org.ringtree.rules.node.KindHandler;
import org.ringtree.rules.validation.IssueSink;

/** Sets one call tag. */
public final class SetTagHandler extends KindHandler {

  record Settings(String tag, String value) {
    static Settings of(NodeConfig c) {
      return new Settings(c.string("tag"), c.string("value"));
    }
  }

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.SET_TAG,
          "Set tag",
          "Logic",
          "Sets a call tag that later conditions, buyers and postbacks can see.",
          List.of(
              of("tag", "Tag", STRING, "The tag name.").maxLength(64).mandatory(),
              of("value", "Value", STRING, "The value.").maxLength(1000).mandatory()),
          List.of(new PortSpec("next", "Next", true, "The next step.")),
          null);

  public SetTagHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig c) {
    Settings s = Settings.of(c);
    return s.tag() == null ? "" : s.tag() + " = " + s.value();
  }

  @Override
  public void check(FlowNode node, DirectorySnapshot directory, IssueSink issues) {
    issues.checkName(node.id(), "tag", Settings.of(node.settings()).tag());
  }

  @Override
  public Next enter(FlowNode node, Turn t) {
    Settings s = Settings.of(node.settings());
    t.tags().put(s.tag(), s.value());
    t.trace(node.id(), null, "Set tag " + s.tag() + ".");
    return Next.port("next");
  }
}
