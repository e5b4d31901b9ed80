package org.ringtree.rules.node.voicemail;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.BOOLEAN;
import static org.ringtree.rules.flow.FieldType.INTEGER;
import static org.ringtree.rules.flow.FieldType.TEXT;

import java.util.List;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.engine.CallInput;
import org.ringtree.rules.engine.CallOutcome;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;
import org.ringtree.rules.node.KindHandler;
import org.ringtree.rules.node.Spoken;

/** Records a message; the call ends after it unless the next port leads on. */
public final class VoicemailHandler extends KindHandler {

  record Settings(
      String prompt, String voice, String language, int maxLengthSeconds, boolean beep) {
    static Settings of(NodeConfig c) {
      return new Settings(
          c.string("prompt"),
          c.string("voice"),
          c.string("language"),
          c.integer("maxLengthSeconds", 120),
          c.bool("beep"));
    }
  }

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.VOICEMAIL,
          "Voicemail",
          "Voice",
          "Records a message from the caller.",
          List.of(
              of("prompt", "Prompt", TEXT, "Said before the beep.")
                  .maxLength(4000)
                  .withDefault("Please leave a message after the tone."),
              Spoken.VOICE,
              Spoken.LANGUAGE,
              of("maxLengthSeconds", "Maximum length (s)", INTEGER, "Longest message.")
                  .range(5, 600)
                  .withDefault(120),
              of("beep", "Beep", BOOLEAN, "Play a beep before recording.").withDefault(true)),
          List.of(
              new PortSpec("next", "Next", false, "After the message; hangs up if unconnected.")),
          null);

  public VoicemailHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig c) {
    return Spoken.clip(Settings.of(c).prompt());
  }

  @Override
  public Next enter(FlowNode node, Turn t) {
    Settings s = Settings.of(node.settings());
    if (!Spoken.blank(s.prompt())) {
      t.instruct(Spoken.say(s.prompt(), s.voice(), s.language()));
    }
    t.instruct(new CallInstruction.Record(s.maxLengthSeconds(), s.beep()));
    t.trace(node.id(), null, "Recording a voicemail.");
    return Next.waitFor(CallState.Waiting.RECORDING);
  }

  @Override
  public Next resume(FlowNode node, Turn t, CallInput input) {
    t.trace(node.id(), null, "Voicemail recorded.");
    if (!t.connected(node.id(), "next")) {
      t.instruct(new CallInstruction.Hangup());
      return Next.end(CallOutcome.Ending.VOICEMAIL, "voicemail left");
    }
    return Next.port("next");
  }
}
