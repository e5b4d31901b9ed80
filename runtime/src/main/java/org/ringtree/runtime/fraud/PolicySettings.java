package org.ringtree.runtime.fraud;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.rules.fraud.FraudAction;
import org.ringtree.rules.fraud.FraudCheck;
import org.ringtree.rules.fraud.FraudPolicy;
import org.ringtree.rules.fraud.RotationLimit;
import org.ringtree.rules.fraud.VelocityLimit;

/**
 * A fraud policy as the API and the {@code fraud_policies} table hold it: which checks are on and
 * the action of each, the velocity limit ({@code velocityCalls} in {@code velocityWindowMinutes}),
 * the lowest attestation that counts as attested, the message of a message-and-hang-up, and the
 * rotating-dialer limit ({@code rotationNumbers} numbers sharing a prefix in {@code
 * rotationWindowMinutes}).
 */
public record PolicySettings(
    Map<FraudCheck, FraudAction> actions,
    Integer velocityCalls,
    Integer velocityWindowMinutes,
    String minimumAttestation,
    String message,
    Integer rotationNumbers,
    Integer rotationWindowMinutes) {

  /**
   * The most calls a velocity limit may allow: the incoming webhook sees the caller's newest 50
   * calls (its one read), so a limit above 49 earlier calls could not be counted.
   */
  public static final int MAX_VELOCITY_CALLS = 49;

  /**
   * The most numbers a rotating-dialer limit may allow: the incoming webhook reads the source's 50
   * newest numbers sharing the caller's prefix (in its one read).
   */
  public static final int MAX_ROTATION_NUMBERS = 50;

  /** Settings without a rotating-dialer limit. */
  public PolicySettings(
      Map<FraudCheck, FraudAction> actions,
      Integer velocityCalls,
      Integer velocityWindowMinutes,
      String minimumAttestation,
      String message) {
    this(actions, velocityCalls, velocityWindowMinutes, minimumAttestation, message, null, null);
  }

  public PolicySettings {
    actions = actions == null ? Map.of() : Map.copyOf(actions);
  }

  /** The policy these settings describe; refused with what is wrong when they describe none. */
  public FraudPolicy policy() {
    Optional<VelocityLimit> velocity = Optional.empty();
    if (velocityCalls != null || velocityWindowMinutes != null) {
      if (velocityCalls == null || velocityWindowMinutes == null) {
        throw new IllegalArgumentException(
            "a velocity limit needs both velocityCalls and velocityWindowMinutes");
      }
      if (velocityCalls > MAX_VELOCITY_CALLS) {
        throw new IllegalArgumentException(
            "a velocity limit allows at most "
                + MAX_VELOCITY_CALLS
                + " calls, not "
                + velocityCalls);
      }
      velocity =
          Optional.of(new VelocityLimit(velocityCalls, Duration.ofMinutes(velocityWindowMinutes)));
    }
    Optional<RotationLimit> rotation = Optional.empty();
    if (rotationNumbers != null || rotationWindowMinutes != null) {
      if (rotationNumbers == null || rotationWindowMinutes == null) {
        throw new IllegalArgumentException(
            "a rotating-dialer limit needs both rotationNumbers and rotationWindowMinutes");
      }
      if (rotationNumbers > MAX_ROTATION_NUMBERS) {
        throw new IllegalArgumentException(
            "a rotating-dialer limit allows at most "
                + MAX_ROTATION_NUMBERS
                + " numbers, not "
                + rotationNumbers);
      }
      rotation =
          Optional.of(
              new RotationLimit(rotationNumbers, Duration.ofMinutes(rotationWindowMinutes)));
    }
    char minimum = 'C';
    if (minimumAttestation != null && !minimumAttestation.isBlank()) {
      String m = minimumAttestation.strip();
      if (m.length() != 1) {
        throw new IllegalArgumentException(
            "the minimum attestation is A, B or C, not " + minimumAttestation);
      }
      minimum = Character.toUpperCase(m.charAt(0));
    }
    return new FraudPolicy(
        actions.isEmpty() ? Map.of() : new EnumMap<>(actions),
        velocity,
        minimum,
        message,
        rotation);
  }

  public static PolicySettings of(FraudPolicy p) {
    return new PolicySettings(
        p.actions(),
        p.velocity().map(VelocityLimit::calls).orElse(null),
        p.velocity().map(v -> (int) v.window().toMinutes()).orElse(null),
        String.valueOf(p.minimumAttestation()),
        p.message(),
        p.rotation().map(RotationLimit::numbers).orElse(null),
        p.rotation().map(r -> (int) r.window().toMinutes()).orElse(null));
  }

  /**
   * Why saving this policy needs the operator's confirmation: checks that would stop nearly every
   * call of the network rather than the few they are meant for; empty when none.
   */
  List<String> wouldStopMostCalls() {
    List<String> why = new ArrayList<>();
    FraudAction unattested = actions.get(FraudCheck.STIR_UNATTESTED);
    if (unattested != null && unattested.stopsTheCall()) {
      why.add(
          "STIR_UNATTESTED with "
              + unattested
              + " stops every call that carries no SHAKEN/STIR verification (any caller whose"
              + " carrier does not sign, and every call from outside the US framework)");
    }
    if (velocityCalls != null && velocityCalls < 2) {
      FraudAction v = actions.get(FraudCheck.VELOCITY);
      if (v != null && v.stopsTheCall()) {
        why.add("a velocity limit of 1 call with " + v + " stops every caller's second call");
      }
    }
    return why;
  }
}
