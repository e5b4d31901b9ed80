package org.ringtree.rules.simulator;

/** What the simulated caller does at one menu or collect node. */
public record ScriptedInput(Kind kind, String value) {

  /** Key presses, speech, or silence until the timeout. */
  public enum Kind {
    DIGITS,
    SPEECH,
    SILENCE
  }

  public static ScriptedInput digits(String d) {
    return new ScriptedInput(Kind.DIGITS, d);
  }

  public static ScriptedInput speech(String s) {
    return new ScriptedInput(Kind.SPEECH, s);
  }

  public static ScriptedInput silence() {
    return new ScriptedInput(Kind.SILENCE, null);
  }
}
