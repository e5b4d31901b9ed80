package org.ringtree.rules.fraud;

import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's SHAKEN/STIR verification of an incoming call, from the {@code StirVerstat} webhook
 * parameter: passed or failed at attestation A, B or C, or no identity to verify. A call without
 * the parameter (no PASSporT, or a carrier outside the US framework) is {@link #ABSENT}. Values per
 * https://www.twilio.com/docs/voice/trusted-calling-with-shakenstir.
 */
public enum StirVerstat {
  PASSED_A("TN-Validation-Passed-A"),
  PASSED_B("TN-Validation-Passed-B"),
  PASSED_C("TN-Validation-Passed-C"),
  FAILED_A("TN-Validation-Failed-A"),
  FAILED_B("TN-Validation-Failed-B"),
  FAILED_C("TN-Validation-Failed-C"),
  NO_VALIDATION("No-TN-Validation"),
  ABSENT("");

  private final String wire;

  StirVerstat(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** The parameter as Twilio sends it; unknown or missing values are {@link #ABSENT}. */
  public static StirVerstat of(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return ABSENT;
    }
    String p = parameter.strip().toLowerCase(Locale.ROOT);
    for (StirVerstat v : values()) {
      if (v != ABSENT && v.wire.toLowerCase(Locale.ROOT).equals(p)) {
        return v;
      }
    }
    // "TN-Validation-Failed" without a level is sent by some carriers
    return p.startsWith("tn-validation-failed") ? FAILED_C : ABSENT;
  }

  public boolean failed() {
    return this == FAILED_A || this == FAILED_B || this == FAILED_C;
  }

  /** The attestation letter when verification passed. */
  public Optional<Character> passedAt() {
    return switch (this) {
      case PASSED_A -> Optional.of('A');
      case PASSED_B -> Optional.of('B');
      case PASSED_C -> Optional.of('C');
      default -> Optional.empty();
    };
  }
}
