package org.ringtree.rules.call;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ringtree.rules.directory.Destination;

/**
 * What the call should do next, independent of the telephony provider. The Twilio adapter renders
 * these as TwiML; the simulator records them. Action URLs are not part of an instruction: the
 * adapter knows which webhook answers a Gather, a Dial or a Record.
 */
public sealed interface CallInstruction {

  /** Text-to-speech. {@code voice} and {@code language} may be null for provider defaults. */
  record Say(String text, String voice, String language) implements CallInstruction {
    public Say {
      Objects.requireNonNull(text, "text");
    }
  }

  /** Plays an audio file from a URL. */
  record Play(String url) implements CallInstruction {
    public Play {
      Objects.requireNonNull(url, "url");
    }
  }

  /** Silence for a number of seconds. */
  record Pause(int seconds) implements CallInstruction {}

  /** How a caller may answer a Gather. */
  enum InputMode {
    DTMF,
    SPEECH
  }

  /**
   * Collects digits and/or speech while the prompts play. {@code numDigits} null means "until
   * finishOnKey or timeout".
   */
  record Gather(
      List<CallInstruction> prompts,
      Set<InputMode> inputs,
      Integer numDigits,
      int timeoutSeconds,
      String finishOnKey)
      implements CallInstruction {
    public Gather {
      prompts = List.copyOf(prompts);
      inputs = Set.copyOf(inputs);
      for (CallInstruction p : prompts) {
        if (!(p instanceof Say || p instanceof Play || p instanceof Pause)) {
          throw new IllegalArgumentException("a Gather prompt may only Say, Play or Pause: " + p);
        }
      }
    }
  }

  /** Records the caller (voicemail). */
  record Record(int maxLengthSeconds, boolean playBeep) implements CallInstruction {}

  /**
   * Dials one candidate; the outcome (answered, busy, no-answer, failed) comes back on the dial
   * action so the next candidate can be tried. {@code candidateTargetId} ties the leg to the trace.
   */
  record Dial(
      String candidateTargetId,
      Destination destination,
      int timeoutSeconds,
      String callerId,
      boolean record)
      implements CallInstruction {
    public Dial {
      Objects.requireNonNull(destination, "destination");
      if (destination instanceof Destination.RtbEndpoint) {
        throw new IllegalArgumentException(
            "an RTB endpoint is not dialable; dial its bid's number");
      }
    }
  }

  /** Ends the call. */
  record Hangup() implements CallInstruction {}

  /**
   * The campaign's fallback takes the call (a fallback number, voicemail or a message, configured
   * per campaign with a network default): where the flow has nowhere to go, a caller is never
   * simply hung up on. The runtime replaces it with the configured instructions before rendering.
   */
  record CampaignFallback(String campaignId) implements CallInstruction {}
}
