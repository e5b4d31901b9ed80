package org.ringtree.tools.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the simulated caller and buyers do: the caller's profile, the answers to each Gather in
 * order, and how each dialled buyer leg ends.
 *
 * @param trackingNumber the number dialled (Twilio's {@code To})
 * @param callerNumber the caller ({@code From})
 * @param callerState {@code FromState}, e.g. CA
 * @param callerZip {@code FromZip}
 * @param callerCity {@code FromCity}
 * @param answers digits (or {@code speech:...}) for each Gather in order; none left = no input
 * @param legs how each dialled leg ends, in order; when exhausted every further leg answers
 * @param talkSeconds how long the caller talks to a buyer who answers
 */
public record CallScript(
    String trackingNumber,
    String callerNumber,
    String callerState,
    String callerZip,
    String callerCity,
    List<String> answers,
    List<Leg> legs,
    int talkSeconds) {

  /** How a dialled buyer leg ends: Twilio's DialCallStatus. */
  public enum Leg {
    ANSWER("completed"),
    BUSY("busy"),
    NO_ANSWER("no-answer"),
    FAILED("failed");

    private final String dialCallStatus;

    Leg(String dialCallStatus) {
      this.dialCallStatus = dialCallStatus;
    }

    public String dialCallStatus() {
      return dialCallStatus;
    }
  }

  public CallScript {
    Objects.requireNonNull(trackingNumber, "trackingNumber");
    Objects.requireNonNull(callerNumber, "callerNumber");
    answers = List.copyOf(answers);
    legs = List.copyOf(legs);
  }

  /** The demo caller: Beverly Hills, answers the IVR, talks 95 s to the first buyer. */
  public static CallScript demo() {
    return new CallScript(
        "+18885550101",
        "+13105550142",
        "CA",
        "90210",
        "Beverly Hills",
        List.of("1", "90210"),
        List.of(),
        95);
  }

  public CallScript withAnswers(List<String> newAnswers) {
    return new CallScript(
        trackingNumber,
        callerNumber,
        callerState,
        callerZip,
        callerCity,
        newAnswers,
        legs,
        talkSeconds);
  }

  public CallScript withLegs(List<Leg> newLegs) {
    return new CallScript(
        trackingNumber,
        callerNumber,
        callerState,
        callerZip,
        callerCity,
        answers,
        newLegs,
        talkSeconds);
  }

  /**
   * Another caller. An IVR answer that was the old caller's zip becomes the new one's: a caller
   * keys in their own zip, and a collected zip relocates the caller (docs/flows.md).
   */
  public CallScript withCaller(String number, String state, String zip) {
    List<String> keyed =
        answers.stream()
            .map(
                a ->
                    callerZip != null
                            && a.equals(callerZip)
                            && zip != null
                            && zip.matches("[0-9]{5}")
                        ? zip
                        : a)
            .toList();
    return new CallScript(trackingNumber, number, state, zip, callerCity, keyed, legs, talkSeconds);
  }

  public CallScript withTrackingNumber(String number) {
    return new CallScript(
        number, callerNumber, callerState, callerZip, callerCity, answers, legs, talkSeconds);
  }

  public CallScript withTalkSeconds(int seconds) {
    return new CallScript(
        trackingNumber, callerNumber, callerState, callerZip, callerCity, answers, legs, seconds);
  }

  List<String> mutableAnswers() {
    return new ArrayList<>(answers);
  }
}
