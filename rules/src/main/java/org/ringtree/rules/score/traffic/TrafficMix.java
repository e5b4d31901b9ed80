package org.ringtree.rules.score.traffic;

import java.util.EnumMap;
import java.util.Map;

/** The share of calls each pattern produces; the shares add up to 1. */
public record TrafficMix(Map<FraudPattern, Double> shares) {

  public TrafficMix {
    EnumMap<FraudPattern, Double> copy = new EnumMap<>(FraudPattern.class);
    double sum = 0;
    for (Map.Entry<FraudPattern, Double> e : shares.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("a share is not negative: " + e);
      }
      copy.put(e.getKey(), e.getValue());
      sum += e.getValue();
    }
    if (Math.abs(sum - 1) > 1e-9) {
      throw new IllegalArgumentException("the shares add up to 1, not " + sum);
    }
    shares = Map.copyOf(copy);
  }

  /**
   * 70 % genuine callers and 30 % fraud, in the range the industry's write-ups report for affiliate
   * traffic before screening.
   */
  public static TrafficMix typical() {
    return new TrafficMix(
        Map.of(
            FraudPattern.GOOD, 0.70,
            FraudPattern.CALL_FARM, 0.06,
            FraudPattern.REPEAT_CALLER, 0.05,
            FraudPattern.ROTATING_DIALER, 0.05,
            FraudPattern.SPOOFED_CALLER_ID, 0.04,
            FraudPattern.UNATTESTED, 0.04,
            FraudPattern.GEO_MISMATCH, 0.03,
            FraudPattern.SHORT_CALL_CLUSTER, 0.03));
  }

  /** Genuine callers only. */
  public static TrafficMix clean() {
    return new TrafficMix(Map.of(FraudPattern.GOOD, 1.0));
  }

  public double share(FraudPattern p) {
    return shares.getOrDefault(p, 0.0);
  }
}
