package org.ringtree.runtime.telephony;

/**
 * The voice webhook paths, shared by the controllers, the Twilio-shaped driver and the tests. Point
 * a Twilio number's "A call comes in" at {@link #INCOMING} and its status callback at {@link
 * #STATUS}; the others are set in the TwiML we answer with, carrying {@code call} (our call id) and
 * {@code step} (the call's step number, which makes a replayed webhook recognisable).
 */
public final class WebhookPaths {

  public static final String BASE = "/twilio/voice";
  public static final String INCOMING = BASE + "/incoming";
  public static final String GATHER = BASE + "/gather";
  public static final String DIAL = BASE + "/dial";
  public static final String RECORD = BASE + "/record";
  public static final String STATUS = BASE + "/status";
  public static final String RECORDING = BASE + "/recording";

  public static final String CALL_PARAM = "call";
  public static final String STEP_PARAM = "step";

  private WebhookPaths() {}
}
