package org.ringtree.rules.node.say;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.BOOLEAN;
import static org.ringtree.rules.flow.FieldType.TEXT;
import static org.ringtree.rules.flow.FieldType.URL;

import java.util.List;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;
import org.ringtree.rules.node.KindHandler;
import org.ringtree.rules.node.Spoken;
import org.ringtree.rules.validation.IssueSink;

/** Speaks text or plays an audio file; the place a recording-consent notice is given. */
public final class SayHandler extends KindHandler {

  record Settings(
      String text,
      String audioUrl,
      String voice,
      String language,
      boolean recordingNotice,
      String noticeText) {
    static Settings of(NodeConfig c) {
      return new Settings(
          c.string("text"),
          c.string("audioUrl"),
          c.string("voice"),
          c.string("language"),
          c.bool("recordingNotice"),
          c.string("noticeText"));
    }

    CallInstruction.Say say(String s) {
      return Spoken.say(s, voice, language);
    }
  }

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.SAY,
          "Say / play",
          "Voice",
          "Speaks text or plays an audio file, optionally after a recording-consent notice.",
          List.of(
              of("text", "Text", TEXT, "What to say. Either text or an audio URL is needed.")
                  .maxLength(4000),
              Spoken.VOICE,
              Spoken.LANGUAGE,
              of("audioUrl", "Audio URL", URL, "An https URL of an audio file to play instead."),
              of(
                      "recordingNotice",
                      "Recording notice",
                      BOOLEAN,
                      "Announce that the call is recorded before anything else.")
                  .withDefault(false),
              of("noticeText", "Notice text", TEXT, "The recording-consent notice.")
                  .maxLength(1000)
                  .withDefault("This call may be recorded for quality and training purposes.")),
          List.of(new PortSpec("next", "Next", true, "The step after the message.")),
          null);

  public SayHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig c) {
    Settings s = Settings.of(c);
    return Spoken.clip(s.text() != null ? s.text() : s.audioUrl());
  }

  @Override
  public void check(FlowNode node, DirectorySnapshot directory, IssueSink issues) {
    Settings s = Settings.of(node.settings());
    if (Spoken.blank(s.text()) && Spoken.blank(s.audioUrl())) {
      issues.error(node.id(), "text", "say.empty", "Say needs text or an audio URL.");
    }
  }

  @Override
  public boolean announcesRecording(FlowNode node) {
    return Settings.of(node.settings()).recordingNotice();
  }

  @Override
  public Next enter(FlowNode node, Turn t) {
    Settings s = Settings.of(node.settings());
    if (s.recordingNotice()) {
      t.instruct(s.say(s.noticeText()));
    }
    if (!Spoken.blank(s.audioUrl())) {
      t.instruct(new CallInstruction.Play(s.audioUrl()));
    }
    if (!Spoken.blank(s.text())) {
      t.instruct(s.say(s.text()));
    }
    t.trace(node.id(), null, "Played the message.");
    return Next.port("next");
  }
}
