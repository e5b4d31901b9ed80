package org.ringtree.rules.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.fraud.Blocklist;
import org.ringtree.rules.fraud.FraudAction;
import org.ringtree.rules.fraud.FraudCheck;
import org.ringtree.rules.fraud.FraudFinding;
import org.ringtree.rules.fraud.FraudPolicy;
import org.ringtree.rules.fraud.FraudScreen;
import org.ringtree.rules.fraud.FraudVerdict;
import org.ringtree.rules.fraud.RotationLimit;
import org.ringtree.rules.fraud.VelocityLimit;
import org.ringtree.rules.score.traffic.FraudPattern;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.rules.score.traffic.TrafficGenerator;

/** The generator's calls go through the existing fraud screen as the webhook would send them. */
class GeneratedTrafficScreenTest {

  static final List<GeneratedCall> CALLS = TrafficGenerator.typical(31).generate(10_000);

  static FraudVerdict screen(GeneratedCall c) {
    Map<FraudCheck, FraudAction> actions = new EnumMap<>(FraudCheck.class);
    for (FraudCheck check : FraudCheck.values()) {
      actions.put(check, FraudAction.FLAG_FOR_REVIEW);
    }
    FraudPolicy policy =
        new FraudPolicy(
            actions,
            Optional.of(new VelocityLimit(3, Duration.ofHours(24))),
            'B',
            null,
            Optional.of(new RotationLimit(3, Duration.ofHours(1))));
    return FraudScreen.screen(policy, Blocklist.EMPTY, c.facts(), c.stir());
  }

  static double caught(FraudPattern p, Predicate<FraudFinding> by) {
    List<GeneratedCall> of = CALLS.stream().filter(c -> c.pattern() == p).toList();
    return (double) of.stream().filter(c -> screen(c).findings().stream().anyMatch(by)).count()
        / of.size();
  }

  @Test
  void spoofedCallerIdsAreCaughtByTheCallerIdAndStirChecks() {
    assertThat(
            caught(
                FraudPattern.SPOOFED_CALLER_ID,
                f ->
                    f.check() == FraudCheck.ANONYMOUS_CALLER_ID
                        || f.check() == FraudCheck.INVALID_CALLER_ID
                        || f.check() == FraudCheck.TOLL_FREE_CALLER_ID))
        .isEqualTo(1.0);
    assertThat(caught(FraudPattern.GOOD, f -> f.check().name().endsWith("CALLER_ID")))
        .isLessThan(0.01);
  }

  @Test
  void repeatCallersTripTheVelocityLimitAndGenuineCallersAlmostNever() {
    assertThat(caught(FraudPattern.REPEAT_CALLER, f -> f.check() == FraudCheck.VELOCITY))
        .isGreaterThan(0.3);
    assertThat(caught(FraudPattern.GOOD, f -> f.check() == FraudCheck.VELOCITY)).isZero();
  }

  @Test
  void unattestedCallsTripTheAttestationMinimum() {
    assertThat(caught(FraudPattern.UNATTESTED, f -> f.check() == FraudCheck.STIR_UNATTESTED))
        .isEqualTo(1.0);
    assertThat(caught(FraudPattern.GOOD, f -> f.check() == FraudCheck.STIR_UNATTESTED))
        .isLessThan(0.15);
  }
}
