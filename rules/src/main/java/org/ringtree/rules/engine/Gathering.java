package org.ringtree.rules.engine;

import java.util.function.Supplier;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.flow.FlowNode;

/**
 * What the kinds that ask the caller something (menu, collect digits) share: asking, accepting an
 * answer, and asking again until the retries run out.
 */
public final class Gathering {
  private Gathering() {}

  /** Plays the question and waits for digits or speech. */
  public static Next ask(FlowNode node, Turn t, CallInstruction.Gather gather) {
    t.instruct(gather);
    t.trace(node.id(), null, "Waiting for the caller's input.");
    return Next.waitFor(CallState.Waiting.INPUT);
  }

  /** The digits or words the caller gave; null or blank when they were silent. */
  public static String said(CallInput input) {
    return input instanceof CallInput.Digits d
        ? d.digits()
        : input instanceof CallInput.Speech s ? s.text() : null;
  }

  public static boolean silent(String said) {
    return said == null || said.isBlank();
  }

  /** Takes an answer: saves it if asked to, resets the retries and leaves by {@code port}. */
  public static Next accepted(
      FlowNode node, Turn t, String verb, String answer, String saveAs, String port) {
    if (saveAs != null && !saveAs.isEmpty()) {
      t.answers().put(saveAs, answer);
    }
    t.attempts().remove(node.id());
    t.trace(
        node.id(),
        null,
        verb + mask(answer) + (saveAs == null ? "." : " (saved as " + saveAs + ")."));
    return Next.port(port);
  }

  /**
   * Silence or an answer that does not fit: asks again while retries are left, else leaves by
   * {@code noInput} or {@code invalid}.
   */
  public static Next retryOrLeave(
      FlowNode node,
      Turn t,
      boolean silent,
      int retries,
      CallInstruction.Say sorry,
      Supplier<Next> askAgain) {
    int tries = t.attempts().getOrDefault(node.id(), 0) + 1;
    String why = silent ? "No input" : "Invalid input";
    if (tries <= retries) {
      t.attempts().put(node.id(), tries);
      t.trace(node.id(), null, why + "; asking again (" + tries + "/" + retries + ").");
      t.instruct(sorry);
      return askAgain.get();
    }
    t.attempts().remove(node.id());
    String out = silent ? "noInput" : "invalid";
    t.trace(node.id(), null, why + "; retries used up, leaving by " + out + ".");
    return Next.port(out);
  }

  private static String mask(String s) {
    return s == null ? "" : s.length() > 12 ? s.substring(0, 12) + "…" : s;
  }
}
