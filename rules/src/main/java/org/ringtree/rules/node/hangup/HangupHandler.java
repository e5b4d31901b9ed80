package org.ringtree.rules.node.hangup;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.TEXT;

import java.util.List;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.engine.CallOutcome;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.node.KindHandler;
import org.ringtree.rules.node.Spoken;

/** Ends the call; a way out of any loop. */
public final class HangupHandler extends KindHandler {

  record Settings(String text, String voice, String language) {
    static Settings of(NodeConfig c) {
      return new Settings(c.string("text"), c.string("voice"), c.string("language"));
    }
  }

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.HANGUP,
          "Hang up",
          "Flow",
          "Ends the call, optionally after a goodbye.",
          List.of(
              of("text", "Goodbye", TEXT, "Said before hanging up.").maxLength(4000),
              Spoken.VOICE,
              Spoken.LANGUAGE),
          List.of(),
          null);

  public HangupHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig c) {
    return Spoken.clip(Settings.of(c).text());
  }

  @Override
  public boolean endsCall() {
    return true;
  }

  @Override
  public Next enter(FlowNode node, Turn t) {
    Settings s = Settings.of(node.settings());
    if (!Spoken.blank(s.text())) {
      t.instruct(Spoken.say(s.text(), s.voice(), s.language()));
    }
    t.instruct(new CallInstruction.Hangup());
    t.trace(node.id(), null, "Hung up.");
    return Next.end(CallOutcome.Ending.HANGUP, "hang-up node");
  }
}
