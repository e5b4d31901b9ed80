package org.ringtree.rules.fraud;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which defences are on and what each does, for a network or, overriding it check by check, for a
 * campaign. {@code minimumAttestation} is the lowest SHAKEN/STIR level that counts as attested
 * (e.g. {@code 'B'}); {@code message} is what the caller hears before a {@link
 * FraudAction#MESSAGE_AND_HANG_UP}; {@code rotation} is the rotating-dialer limit. A check run
 * before routing ({@link FraudCheck#beforeRouting}) cannot {@link FraudAction#REJECT}: the call is
 * answered.
 */
public record FraudPolicy(
    Map<FraudCheck, FraudAction> actions,
    Optional<VelocityLimit> velocity,
    char minimumAttestation,
    String message,
    Optional<RotationLimit> rotation) {

  public static final String DEFAULT_MESSAGE =
      "We are unable to take your call on this line. Goodbye.";

  /** Nothing on: what a network has until an operator sets a policy. */
  public static final FraudPolicy OFF =
      new FraudPolicy(Map.of(), Optional.empty(), 'C', DEFAULT_MESSAGE, Optional.empty());

  public FraudPolicy {
    actions = actions.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(actions));
    velocity = velocity == null ? Optional.empty() : velocity;
    rotation = rotation == null ? Optional.empty() : rotation;
    if (minimumAttestation < 'A' || minimumAttestation > 'C') {
      throw new IllegalArgumentException(
          "the minimum attestation is A, B or C, not " + minimumAttestation);
    }
    message = message == null || message.isBlank() ? DEFAULT_MESSAGE : message.strip();
    if (actions.containsKey(FraudCheck.VELOCITY) && velocity.isEmpty()) {
      throw new IllegalArgumentException("a velocity check needs a limit (calls and window)");
    }
    if (actions.containsKey(FraudCheck.ROTATING_DIALER) && rotation.isEmpty()) {
      throw new IllegalArgumentException(
          "a rotating-dialer check needs a limit (numbers and window)");
    }
    for (Map.Entry<FraudCheck, FraudAction> e : actions.entrySet()) {
      if (e.getKey().beforeRouting() && e.getValue() == FraudAction.REJECT) {
        throw new IllegalArgumentException(
            e.getKey()
                + " is checked when the call reaches its route node, after it was answered:"
                + " <Reject> is no longer possible; choose MESSAGE_AND_HANG_UP, ROUTE_NOT_PAYABLE"
                + " or FLAG_FOR_REVIEW");
      }
    }
  }

  /** A policy without a rotating-dialer limit. */
  public FraudPolicy(
      Map<FraudCheck, FraudAction> actions,
      Optional<VelocityLimit> velocity,
      char minimumAttestation,
      String message) {
    this(actions, velocity, minimumAttestation, message, Optional.empty());
  }

  public Optional<FraudAction> actionFor(FraudCheck check) {
    return Optional.ofNullable(actions.get(check));
  }

  /**
   * This policy with a campaign's choices laid over it: a check the campaign sets replaces the
   * network's; its velocity limit, attestation minimum and message replace the network's when set.
   */
  public FraudPolicy overriddenBy(FraudPolicy campaign) {
    Map<FraudCheck, FraudAction> merged = new EnumMap<>(FraudCheck.class);
    merged.putAll(actions);
    merged.putAll(campaign.actions());
    return new FraudPolicy(
        merged,
        campaign.velocity().or(this::velocity),
        campaign.minimumAttestation() != OFF.minimumAttestation()
            ? campaign.minimumAttestation()
            : minimumAttestation,
        campaign.message().equals(DEFAULT_MESSAGE) ? message : campaign.message(),
        campaign.rotation().or(this::rotation));
  }
}
