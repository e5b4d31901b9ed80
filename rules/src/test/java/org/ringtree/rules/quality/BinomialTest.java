package org.ringtree.rules.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinomialTest {

  @Test
  void tailsOfAFairCoinAreTheCountedOutcomes() {
    // P(X >= 8) for 10 flips = (45 + 10 + 1) / 1024
    assertThat(Binomial.upperTail(8, 10, 0.5)).isCloseTo(56.0 / 1024, within(1e-12));
    assertThat(Binomial.lowerTail(2, 10, 0.5)).isCloseTo(56.0 / 1024, within(1e-12));
    assertThat(Binomial.upperTail(0, 10, 0.5)).isEqualTo(1.0);
    assertThat(Binomial.lowerTail(10, 10, 0.5)).isEqualTo(1.0);
  }

  @Test
  void largeCountsKeepTheirTailInsteadOfUnderflowing() {
    // 300 of 1000 when 2 % is expected: tiny but positive
    double p = Binomial.upperTail(300, 1000, 0.02);
    assertThat(p).isPositive().isLessThan(1e-100);
    // the mean itself is not surprising
    assertThat(Binomial.upperTail(20, 1000, 0.02)).isBetween(0.4, 0.6);
    assertThat(Binomial.upperTail(5, 100_000, 0.0)).isZero();
    assertThat(Binomial.upperTail(5, 10, 1.0)).isEqualTo(1.0);
  }
}
