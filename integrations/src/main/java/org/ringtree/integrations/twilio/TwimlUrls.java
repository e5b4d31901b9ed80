package org.ringtree.integrations.twilio;

import java.util.Objects;

/**
 * The absolute webhook URLs of one call step that TwiML verbs point back to. The runtime builds
 * them from its public base URL and webhook path constants (with the call id in the query if it
 * wants).
 *
 * @param gatherAction where Twilio posts Digits/SpeechResult (also on an empty result)
 * @param dialAction where Twilio posts DialCallStatus when a dialled leg ends
 * @param recordAction where Twilio posts after a {@code <Record>} verb finishes
 * @param recordingStatusCallback where Twilio posts RecordingUrl/RecordingSid when a recording is
 *     ready (for both {@code <Record>} and recorded dials)
 * @param legAnswered where Twilio posts the dialled leg's {@code answered} call-progress event (the
 *     {@code statusCallback} of each {@code <Number>}/{@code <Sip>}); null: no leg events asked for
 */
public record TwimlUrls(
    String gatherAction,
    String dialAction,
    String recordAction,
    String recordingStatusCallback,
    String legAnswered) {

  public TwimlUrls {
    Objects.requireNonNull(gatherAction, "gatherAction");
    Objects.requireNonNull(dialAction, "dialAction");
    Objects.requireNonNull(recordAction, "recordAction");
    Objects.requireNonNull(recordingStatusCallback, "recordingStatusCallback");
  }

  /** The URLs of a step that asks for no leg events. */
  public TwimlUrls(
      String gatherAction, String dialAction, String recordAction, String recordingStatusCallback) {
    this(gatherAction, dialAction, recordAction, recordingStatusCallback, null);
  }
}
