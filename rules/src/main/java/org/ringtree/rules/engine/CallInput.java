package org.ringtree.rules.engine;

import java.util.Map;

/** What came back from the call since the last step (one per webhook). */
public sealed interface CallInput {

  /** Key presses (Twilio {@code Digits}). */
  record Digits(String digits) implements CallInput {}

  /** Recognised speech (Twilio {@code SpeechResult}). */
  record Speech(String text) implements CallInput {}

  /** The caller said and pressed nothing before the timeout. */
  record NoInput() implements CallInput {}

  /**
   * Routing finished: {@code connected} with the target that took the call, or every candidate
   * failed (busy, no answer, no eligible target).
   */
  record RouteFinished(boolean connected, String targetId) implements CallInput {}

  /** A connector replied ({@code ok}) with result fields, or failed / timed out. */
  record ConnectorReply(boolean ok, Map<String, String> values) implements CallInput {
    public ConnectorReply {
      values = values == null ? Map.of() : Map.copyOf(values);
    }
  }

  /** A voicemail recording ended. */
  record RecordingFinished(String recordingUrl) implements CallInput {}
}
