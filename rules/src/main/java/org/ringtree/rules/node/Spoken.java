package org.ringtree.rules.node;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.ENUM;
import static org.ringtree.rules.flow.FieldType.INTEGER;

import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.flow.FieldSpec;

/** The settings every speaking kind shares, and how it says a text in its voice and language. */
public final class Spoken {
  private Spoken() {}

  public static final FieldSpec VOICE =
      of("voice", "Voice", ENUM, "Text-to-speech voice.")
          .allowed("alice", "man", "woman", "Polly.Joanna", "Polly.Matthew", "Polly.Lupe")
          .withDefault("alice");
  public static final FieldSpec LANGUAGE =
      of("language", "Language", ENUM, "Language of the speech and of speech recognition.")
          .allowed("en-US", "en-GB", "es-US", "es-MX", "fr-CA")
          .withDefault("en-US");
  public static final FieldSpec TIMEOUT =
      of("timeoutSeconds", "Timeout (s)", INTEGER, "Seconds to wait for input.")
          .range(1, 60)
          .withDefault(5);
  public static final FieldSpec RETRIES =
      of("retries", "Retries", INTEGER, "How often the prompt repeats after bad or no input.")
          .range(0, 5)
          .withDefault(2);

  /** Speech in a voice and language; a missing text says nothing. */
  public static CallInstruction.Say say(String text, String voice, String language) {
    return new CallInstruction.Say(text == null ? "" : text, voice, language);
  }

  public static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /** A text cut to fit under a node's title on the canvas. */
  public static String clip(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 60 ? s.substring(0, 57) + "…" : s;
  }
}
