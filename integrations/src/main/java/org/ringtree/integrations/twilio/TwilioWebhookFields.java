package org.ringtree.integrations.twilio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Twilio's voice webhook field names and the values of its status fields. Only these fields are
 * relied on, so TwiML-speaking providers (SignalWire, Telnyx TeXML) work with the same endpoints.
 */
public final class TwilioWebhookFields {

  public static final String CALL_SID = "CallSid";
  public static final String ACCOUNT_SID = "AccountSid";
  public static final String FROM = "From";
  public static final String TO = "To";
  public static final String CALL_STATUS = "CallStatus";
  public static final String DIRECTION = "Direction";
  public static final String FROM_CITY = "FromCity";
  public static final String FROM_STATE = "FromState";
  public static final String FROM_ZIP = "FromZip";
  public static final String FROM_COUNTRY = "FromCountry";

  /**
   * Twilio's SHAKEN/STIR verification of the caller id (e.g. {@code TN-Validation-Passed-A});
   * absent when no identity came with the call
   * (https://www.twilio.com/docs/voice/trusted-calling-with-shakenstir).
   */
  public static final String STIR_VERSTAT = "StirVerstat";

  public static final String DIGITS = "Digits";
  public static final String SPEECH_RESULT = "SpeechResult";
  public static final String DIAL_CALL_STATUS = "DialCallStatus";
  public static final String DIAL_CALL_DURATION = "DialCallDuration";
  public static final String DIAL_CALL_SID = "DialCallSid";
  public static final String CALL_DURATION = "CallDuration";
  public static final String RECORDING_URL = "RecordingUrl";
  public static final String RECORDING_SID = "RecordingSid";
  public static final String RECORDING_DURATION = "RecordingDuration";

  // a dialled leg's call-progress event (statusCallbackEvent on <Number>/<Sip>): CallSid is the
  // leg's own, ParentCallSid the caller's call that dialled it
  public static final String PARENT_CALL_SID = "ParentCallSid";
  public static final String CALLED = "Called";
  public static final String CALLBACK_SOURCE = "CallbackSource";
  public static final String SEQUENCE_NUMBER = "SequenceNumber";
  public static final String TIMESTAMP = "Timestamp";

  private TwilioWebhookFields() {}

  /** The {@code CallStatus} values of a call. */
  public enum CallStatus {
    QUEUED("queued"),
    RINGING("ringing"),
    IN_PROGRESS("in-progress"),
    COMPLETED("completed"),
    BUSY("busy"),
    FAILED("failed"),
    NO_ANSWER("no-answer"),
    CANCELED("canceled");

    private final String wire;

    CallStatus(String wire) {
      this.wire = wire;
    }

    public String wireValue() {
      return wire;
    }

    /** True once the call is over: no further status changes follow. */
    public boolean isFinal() {
      return this != QUEUED && this != RINGING && this != IN_PROGRESS;
    }

    /** Lenient: ignores case, surrounding blanks, and "-" vs "_" ("NO_ANSWER", "cancelled"). */
    public static Optional<CallStatus> tryParse(String value) {
      return lenient(CallStatus.class, value, CallStatus::wireValue);
    }

    /**
     * As {@link #tryParse}, but an unknown or missing value throws {@link UnknownFieldValue} naming
     * the field, the value and the accepted values (the runtime answers it with 400).
     */
    public static CallStatus parse(String value) {
      return tryParse(value)
          .orElseThrow(() -> new UnknownFieldValue(CALL_STATUS, value, values(), v -> v.wire));
    }
  }

  /** The {@code DialCallStatus} values of a dialled leg, posted to the dial action. */
  public enum DialCallStatus {
    COMPLETED("completed"),
    ANSWERED("answered"),
    BUSY("busy"),
    NO_ANSWER("no-answer"),
    FAILED("failed"),
    CANCELED("canceled");

    private final String wire;

    DialCallStatus(String wire) {
      this.wire = wire;
    }

    public String wireValue() {
      return wire;
    }

    /** True when the buyer picked up: the call connected and the next candidate is not tried. */
    public boolean connected() {
      return this == COMPLETED || this == ANSWERED;
    }

    public static Optional<DialCallStatus> tryParse(String value) {
      return lenient(DialCallStatus.class, value, DialCallStatus::wireValue);
    }

    public static DialCallStatus parse(String value) {
      return tryParse(value)
          .orElseThrow(() -> new UnknownFieldValue(DIAL_CALL_STATUS, value, values(), v -> v.wire));
    }
  }

  /** A status field carried a value we do not know (or none). */
  public static final class UnknownFieldValue extends IllegalArgumentException {
    private final String field;
    private final String value;

    <E> UnknownFieldValue(
        String field, String value, E[] known, java.util.function.Function<E, String> wire) {
      super(
          (value == null ? "missing " + field : field + ": unknown value '" + clip(value) + "'")
              + " (expected one of "
              + Arrays.stream(known).map(wire).collect(Collectors.joining(", "))
              + ")");
      this.field = field;
      this.value = value;
    }

    public String field() {
      return field;
    }

    public String value() {
      return value;
    }

    private static String clip(String v) {
      return v.length() > 64 ? v.substring(0, 64) + "…" : v;
    }
  }

  private static <E extends Enum<E>> Optional<E> lenient(
      Class<E> type, String value, java.util.function.Function<E, String> wire) {
    if (value == null) {
      return Optional.empty();
    }
    String v = normalise(value);
    if (v.equals("cancelled")) {
      v = "canceled";
    }
    String key = v;
    return Arrays.stream(type.getEnumConstants())
        .filter(e -> normalise(wire.apply(e)).equals(key))
        .findFirst();
  }

  private static String normalise(String value) {
    return value.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
