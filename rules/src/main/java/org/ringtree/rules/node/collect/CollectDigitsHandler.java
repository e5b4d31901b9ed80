package org.ringtree.rules.node.collect;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.ENUM;
import static org.ringtree.rules.flow.FieldType.INTEGER;
import static org.ringtree.rules.flow.FieldType.STRING;
import static org.ringtree.rules.flow.FieldType.TEXT;

import java.util.EnumSet;
import java.util.List;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.call.UsZips;
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

/** Collects digits; in zip mode a real US zip also tells where the caller is. */
public final class CollectDigitsHandler extends KindHandler {

  /** Lengths are null when a hand-edited document holds something else (the checks say so). */
  record Settings(
      String prompt,
      String voice,
      String language,
      boolean zip,
      Integer minLength,
      Integer maxLength,
      String finishOnKey,
      String saveAs,
      int timeoutSeconds,
      int retries) {
    static Settings of(NodeConfig c) {
      return new Settings(
          c.string("prompt"),
          c.string("voice"),
          c.string("language"),
          "zip".equals(c.string("mode")),
          c.integer("minLength"),
          c.integer("maxLength"),
          c.string("finishOnKey"),
          c.string("saveAs"),
          c.integer("timeoutSeconds", 5),
          c.integer("retries", 2));
    }

    CallInstruction.Say say(String s) {
      return Spoken.say(s, voice, language);
    }

    boolean accepts(String digits) {
      int min = minLength == null ? 1 : minLength;
      int max = maxLength == null ? 10 : maxLength;
      return zip ? digits.length() == 5 : digits.length() >= min && digits.length() <= max;
    }
  }

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.COLLECT_DIGITS,
          "Collect digits",
          "Voice",
          "Collects a zip code or other digits and stores them as an IVR answer.",
          List.of(
              of("prompt", "Prompt", TEXT, "e.g. 'Please enter your five digit zip code'.")
                  .maxLength(4000)
                  .mandatory(),
              Spoken.VOICE,
              Spoken.LANGUAGE,
              of("mode", "Mode", ENUM, "zip checks for a 5-digit US zip; digits takes any digits.")
                  .allowed("zip", "digits")
                  .withDefault("digits"),
              of("minLength", "Minimum length", INTEGER, "Fewest digits accepted.")
                  .range(1, 32)
                  .withDefault(1),
              of("maxLength", "Maximum length", INTEGER, "Most digits accepted.")
                  .range(1, 32)
                  .withDefault(10),
              of("finishOnKey", "Finish key", ENUM, "Key that ends the input early.")
                  .allowed("#", "*", "")
                  .withDefault("#"),
              of("saveAs", "Save as", STRING, "IVR answer name, e.g. zip.")
                  .maxLength(64)
                  .mandatory(),
              Spoken.TIMEOUT,
              Spoken.RETRIES),
          List.of(
              new PortSpec("next", "Next", true, "After valid input."),
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
          null);

  public CollectDigitsHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig c) {
    return Spoken.clip(Settings.of(c).prompt());
  }

  @Override
  public void check(FlowNode node, DirectorySnapshot directory, IssueSink issues) {
    Settings s = Settings.of(node.settings());
    Integer min = s.minLength();
    Integer max = s.maxLength();
    if (min != null && max != null && min > max) {
      issues.error(
          node.id(),
          "minLength",
          "collect.length",
          "Minimum length is greater than maximum length.");
    }
    if (s.zip() && max != null && max < 5) {
      issues.error(
          node.id(),
          "maxLength",
          "collect.length",
          "A zip code has 5 digits; maximum length is below 5.");
    }
    issues.checkName(node.id(), "saveAs", s.saveAs());
  }

  @Override
  public Next enter(FlowNode node, Turn t) {
    Settings s = Settings.of(node.settings());
    String finish = s.finishOnKey() == null || s.finishOnKey().isEmpty() ? null : s.finishOnKey();
    return Gathering.ask(
        node,
        t,
        new CallInstruction.Gather(
            List.of(s.say(s.prompt())),
            EnumSet.of(CallInstruction.InputMode.DTMF),
            s.zip() ? 5 : null,
            s.timeoutSeconds(),
            finish));
  }

  @Override
  public Next resume(FlowNode node, Turn t, CallInput input) {
    Settings s = Settings.of(node.settings());
    String said = Gathering.said(input);
    boolean silent = Gathering.silent(said);
    if (!silent) {
      String digits = said.replaceAll("[^0-9]", "");
      if (s.accepts(digits)) {
        if (s.zip()) {
          locate(t, node, digits);
        }
        return Gathering.accepted(node, t, "Caller entered ", digits, s.saveAs(), "next");
      }
    }
    return Gathering.retryOrLeave(
        node, t, silent, s.retries(), s.say("Sorry, I didn't get that."), () -> enter(node, t));
  }

  /**
   * A zip the caller entered says where they are better than the carrier does, so geo filters,
   * hours in the caller's zone and RTB pings use it; a zip that is not real stays an answer only.
   */
  private static void locate(Turn t, FlowNode node, String zip) {
    var caller = t.facts().caller();
    var place = UsZips.shared().find(zip);
    if (place.isEmpty()) {
      t.trace(
          node.id(),
          null,
          "Zip "
              + zip
              + " is not a US zip: kept as the answer; the caller's zip and state stay "
              + orUnknown(caller.zip())
              + " / "
              + orUnknown(caller.state())
              + ".");
      return;
    }
    var p = place.get();
    t.relocate(caller.at(p));
    t.trace(
        node.id(),
        null,
        "Zip "
            + zip
            + " sets the caller's zip, state "
            + p.state()
            + " and time zone "
            + p.timezone()
            + ".");
  }

  private static String orUnknown(String s) {
    return s == null ? "unknown" : s;
  }
}
