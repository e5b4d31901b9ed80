package org.ringtree.rules.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ModelQualityTest {

  @Test
  void aucRanksPositivesAboveNegativesAndCountsTiesHalf() {
    boolean[] y = {false, false, true, true};
    assertThat(ModelQuality.auc(new double[] {0.1, 0.2, 0.8, 0.9}, y)).isEqualTo(1.0);
    assertThat(ModelQuality.auc(new double[] {0.9, 0.8, 0.2, 0.1}, y)).isEqualTo(0.0);
    assertThat(ModelQuality.auc(new double[] {0.5, 0.5, 0.5, 0.5}, y)).isEqualTo(0.5);
    // one positive above both negatives, the other between them: 3 of 4 pairs
    assertThat(ModelQuality.auc(new double[] {0.1, 0.6, 0.4, 0.9}, y)).isEqualTo(0.75);
    assertThat(ModelQuality.auc(new double[] {0.1, 0.2}, new boolean[] {true, true}))
        .isEqualTo(0.5);
  }

  @Test
  void theStandardErrorIsHanleyAndMcNeils() {
    // A = 0.8, 50 of each: Q1 = 0.8/1.2, Q2 = 1.28/1.8;
    // SE² = (0.16 + 49 (Q1 − 0.64) + 49 (Q2 − 0.64)) / 2500 = 0.0019804, SE = 0.0445
    assertThat(ModelQuality.hanleyMcNeil(0.8, 50, 50)).isCloseTo(0.0445, within(0.0001));
    assertThat(ModelQuality.hanleyMcNeil(0.8, 0, 50)).isEqualTo(0.5);
  }

  @Test
  void reliabilityBinsHoldTheirCallsMeanPredictionAndObservedRate() {
    double[] p = {0.05, 0.05, 0.95, 0.95, 1.0};
    boolean[] y = {false, true, true, true, true};
    ModelQuality q = ModelQuality.measure(p, y, 0.5);
    assertThat(q.reliability()).hasSize(2);
    assertThat(q.reliability().get(0).calls()).isEqualTo(2);
    assertThat(q.reliability().get(0).observed()).isEqualTo(0.5);
    assertThat(q.reliability().get(1).calls()).isEqualTo(3);
    assertThat(q.reliability().get(1).meanPredicted()).isCloseTo(0.9667, within(1e-3));
    assertThat(q.calibrationError()).isCloseTo((2 * 0.45 + 3 * (1 - 0.96667)) / 5, within(1e-3));
    assertThat(q.promotable()).isFalse();
    assertThat(q.verdict()).anyMatch(v -> v.startsWith("too few held-out calls"));
    assertThat(q.shown()).contains("not promotable");
  }

  @Test
  void aGoodRankingWithEnoughCallsIsPromotableAndABadForecastIsNot() {
    int n = 400;
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 2 == 0;
      p[i] = y[i] ? 0.6 + (i % 7) * 0.05 : 0.1 + (i % 9) * 0.05;
    }
    ModelQuality good = ModelQuality.measure(p, y, 0.5);
    assertThat(good.promotable()).isTrue();
    assertThat(good.shown()).endsWith("promotable").contains("AUC");
    // perfect ranking but terrible probabilities: worse than the base rate's Brier
    double[] overconfident = new double[n];
    for (int i = 0; i < n; i++) {
      overconfident[i] = y[i] ? 0.02 + i * 1e-5 : 0.01 + i * 1e-6;
    }
    ModelQuality bad = ModelQuality.measure(overconfident, y, 0.5);
    assertThat(bad.auc()).isGreaterThan(0.9);
    assertThat(bad.promotable()).isFalse();
    assertThat(bad.verdict()).anyMatch(v -> v.contains("no better than the base rate"));
    assertThatThrownBy(() -> ModelQuality.measure(new double[1], new boolean[2], 0.5))
        .hasMessageContaining("one prediction per label");
  }
}
