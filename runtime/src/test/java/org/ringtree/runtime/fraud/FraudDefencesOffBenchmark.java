package org.ringtree.runtime.fraud;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link FraudDefencesBenchmark}'s arm with no defence on and scoring switched off. */
@EnabledIfSystemProperty(named = "fraud.bench", matches = "true")
class FraudDefencesOffBenchmark extends FraudDefencesBenchmark {

  @DynamicPropertySource
  static void arm(DynamicPropertyRegistry registry) {
    registry.add("ringtree.test.platform", () -> "fraud-bench-off");
    registry.add("ringtree.score.enabled", () -> "false");
  }

  @Override
  boolean defencesOn() {
    return false;
  }
}
