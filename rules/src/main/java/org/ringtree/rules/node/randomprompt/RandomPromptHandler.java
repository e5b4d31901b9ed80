package org.ringtree.rules.node.randomprompt;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.OBJECT_LIST;
import static org.ringtree.rules.flow.FieldType.TEXT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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

/**
 * Plays one of several prompts (greetings to A/B test, or variety for repeat callers). The pick
 * depends only on the call id and the node, so a simulation repeats and a call hears the same
 * prompt each time it passes the node; across calls every prompt is as likely.
 */
public final class RandomPromptHandler extends KindHandler {

  /** Prompt texts as entered; a missing text is null (the schema checks report it). */
  record Settings(List<String> prompts, String voice, String language) {
    static Settings of(NodeConfig c) {
      return new Settings(
          c.objects("prompts").stream().map(p -> NodeConfig.itemString(p, "text")).toList(),
          c.string("voice"),
          c.string("language"));
    }

    /** Which prompt (0-based) a call hears at a node. */
    int pick(String callId, String nodeId) {
      long seed = ((callId == null ? "" : callId) + "\u0000" + nodeId).hashCode();
      return new SplittableRandom(seed).nextInt(prompts.size());
    }
  }

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.RANDOM_PROMPT,
          "Random prompt",
          "Voice",
          "Plays one of several prompts, picked at random for each call.",
          List.of(
              of("prompts", "Prompts", OBJECT_LIST, "The prompts; each call hears one of them.")
                  .mandatory()
                  .items(of("text", "Text", TEXT, "What to say.").maxLength(4000).mandatory()),
              Spoken.VOICE,
              Spoken.LANGUAGE),
          List.of(new PortSpec("next", "Next", true, "The step after the prompt.")),
          null);

  public RandomPromptHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig c) {
    return "one of " + Settings.of(c).prompts().size() + " prompt(s)";
  }

  @Override
  public void check(FlowNode node, DirectorySnapshot directory, IssueSink issues) {
    List<String> prompts = Settings.of(node.settings()).prompts();
    if (prompts.size() == 1) {
      issues.warn(
          node.id(),
          "prompts",
          "randomPrompt.single",
          "With one prompt nothing is random; a Say node does the same.");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < prompts.size(); i++) {
      String text = prompts.get(i);
      String field = "prompts[" + i + "].text";
      if (text != null && !text.isEmpty() && text.isBlank()) {
        issues.error(node.id(), field, "randomPrompt.blank", "A prompt needs words to say.");
        continue;
      }
      Integer first = text == null ? null : seen.putIfAbsent(text.strip(), i + 1);
      if (first != null) {
        issues.warn(
            node.id(),
            field,
            "randomPrompt.duplicate",
            "Prompt " + (i + 1) + " repeats prompt " + first + ", so it is played twice as often.");
      }
    }
  }

  @Override
  public Next enter(FlowNode node, Turn t) {
    Settings s = Settings.of(node.settings());
    int i = s.pick(t.facts().callId(), node.id());
    CallInstruction.Say say = Spoken.say(s.prompts().get(i), s.voice(), s.language());
    t.instruct(say);
    t.trace(node.id(), null, "Played prompt " + (i + 1) + " of " + s.prompts().size() + ".");
    return Next.port("next");
  }
}
