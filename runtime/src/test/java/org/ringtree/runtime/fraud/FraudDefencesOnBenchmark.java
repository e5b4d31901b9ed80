package org.ringtree.runtime.fraud;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link FraudDefencesBenchmark}'s arm with every defence on and every call scored. */
@EnabledIfSystemProperty(named = "fraud.bench", matches = "true")
class FraudDefencesOnBenchmark extends FraudDefencesBenchmark {

  @DynamicPropertySource
  static void arm(DynamicPropertyRegistry registry) {
    registry.add("ringtree.test.platform", () -> "fraud-bench-on");
    registry.add("ringtree.score.enabled", () -> "true");
  }

  @Override
  boolean defencesOn() {
    return true;
  }
}
