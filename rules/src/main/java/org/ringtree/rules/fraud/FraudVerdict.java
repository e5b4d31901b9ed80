package org.ringtree.rules.fraud;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every defence that fired for a call; the strongest action is what happens to it. */
public record FraudVerdict(List<FraudFinding> findings) {

  public static final FraudVerdict CLEAN = new FraudVerdict(List.of());

  public FraudVerdict {
    findings = List.copyOf(findings);
  }

  public Optional<FraudAction> action() {
    return findings.stream().map(FraudFinding::action).max(Comparator.naturalOrder());
  }

  public boolean clean() {
    return findings.isEmpty();
  }

  public boolean payable() {
    return action().map(a -> a == FraudAction.FLAG_FOR_REVIEW).orElse(true);
  }
}
