package org.ringtree.rules.node.menu;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.ENUM;
import static org.ringtree.rules.flow.FieldType.OBJECT_LIST;
import static org.ringtree.rules.flow.FieldType.STRING;
import static org.ringtree.rules.flow.FieldType.TEXT;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.CallInput;
import org.ringtree.rules.engine.Gathering;
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

/** Asks the caller to choose; each option's key is a port of the node. */
public final class MenuHandler extends KindHandler {

  /** One choice; any field may be missing in a hand-edited document (the checks say so). */
  record Option(String key, String speech, String label) {}

  record Settings(
      String prompt,
      String voice,
      String language,
      String inputs,
      int timeoutSeconds,
      int retries,
      String saveAs,
      List<Option> options) {
    static Settings of(NodeConfig c) {
      return new Settings(
          c.string("prompt"),
          c.string("voice"),
          c.string("language"),
          c.string("inputs"),
          c.integer("timeoutSeconds", 5),
          c.integer("retries", 2),
          c.string("saveAs"),
          c.objects("options").stream()
              .map(
                  o ->
                      new Option(
                          NodeConfig.itemString(o, "key"),
                          NodeConfig.itemString(o, "speech"),
                          NodeConfig.itemString(o, "label")))
              .toList());
    }

    CallInstruction.Say say(String s) {
      return Spoken.say(s, voice, language);
    }
  }

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.MENU,
          "Menu",
          "Voice",
          "Asks the caller to choose by key press or speech; each option is a port.",
          List.of(
              of("prompt", "Prompt", TEXT, "The question, e.g. 'Press 1 for sales'.")
                  .maxLength(4000)
                  .mandatory(),
              Spoken.VOICE,
              Spoken.LANGUAGE,
              of("inputs", "Input", ENUM, "Key presses, speech, or both.")
                  .allowed("dtmf", "speech", "dtmfSpeech")
                  .withDefault("dtmf"),
              Spoken.TIMEOUT,
              Spoken.RETRIES,
              of("saveAs", "Save answer as", STRING, "IVR answer name to store the choice under.")
                  .maxLength(64),
              of(
                      "options",
                      "Options",
                      OBJECT_LIST,
                      "The choices; each adds a port named by its key.")
                  .mandatory()
                  .items(
                      of("key", "Key", STRING, "The digit (0-9, * or #) that picks this option.")
                          .maxLength(1)
                          .mandatory(),
                      of("speech", "Speech", STRING, "A word or phrase that picks this option.")
                          .maxLength(200),
                      of("label", "Label", STRING, "Shown on the port in the editor.")
                          .maxLength(200))),
          List.of(
              new PortSpec(
                  "invalid",
                  "Invalid",
                  false,
                  "After the retries run out on bad input; hangs up if unconnected."),
              new PortSpec(
                  "noInput",
                  "No input",
                  false,
                  "After the retries run out on silence; hangs up if unconnected.")),
          "options");

  public MenuHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig c) {
    return Spoken.clip(Settings.of(c).prompt());
  }

  @Override
  public void check(FlowNode node, DirectorySnapshot directory, IssueSink issues) {
    Set<String> keys = new HashSet<>();
    List<Option> options = Settings.of(node.settings()).options();
    for (int i = 0; i < options.size(); i++) {
      String key = options.get(i).key();
      if (key == null) {
        continue;
      }
      String field = "options[" + i + "].key";
      if (!key.matches("[0-9*#]")) {
        issues.error(node.id(), field, "menu.key", "An option key is one digit, * or #.");
      } else if (!keys.add(key)) {
        issues.error(node.id(), field, "menu.duplicateKey", "Key " + key + " is used twice.");
      }
    }
  }

  @Override
  public Next enter(FlowNode node, Turn t) {
    Settings s = Settings.of(node.settings());
    Set<CallInstruction.InputMode> modes = EnumSet.noneOf(CallInstruction.InputMode.class);
    if (!"speech".equals(s.inputs())) {
      modes.add(CallInstruction.InputMode.DTMF);
    }
    if ("speech".equals(s.inputs()) || "dtmfSpeech".equals(s.inputs())) {
      modes.add(CallInstruction.InputMode.SPEECH);
    }
    return Gathering.ask(
        node,
        t,
        new CallInstruction.Gather(List.of(s.say(s.prompt())), modes, 1, s.timeoutSeconds(), null));
  }

  @Override
  public Next resume(FlowNode node, Turn t, CallInput input) {
    Settings s = Settings.of(node.settings());
    String said = Gathering.said(input);
    boolean silent = Gathering.silent(said);
    if (!silent) {
      String heard = said.trim().toLowerCase(Locale.ROOT);
      for (Option o : s.options()) {
        boolean byKey = o.key() != null && o.key().equals(heard);
        boolean bySpeech =
            input instanceof CallInput.Speech
                && !Spoken.blank(o.speech())
                && heard.contains(o.speech().toLowerCase(Locale.ROOT));
        if (byKey || bySpeech) {
          return Gathering.accepted(node, t, "Caller chose ", o.key(), s.saveAs(), o.key());
        }
      }
    }
    return Gathering.retryOrLeave(
        node, t, silent, s.retries(), s.say("Sorry, I didn't get that."), () -> enter(node, t));
  }
}
