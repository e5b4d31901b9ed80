package org.ringtree.runtime.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallerMaskTest {

  @Test
  void keepsCountryAndAreaCodeAndTheLastTwoDigitsOnly() {
    assertThat(CallerMask.mask("+13105551234")).isEqualTo("+1310•••••34");
  }

  @Test
  void aShortNumberKeepsAtMostHalfOfItself() {
    assertThat(CallerMask.mask("12345")).isEqualTo("•••45");
    assertThat(CallerMask.mask("7")).isEqualTo("•");
  }

  @Test
  void nothingToMaskStaysNothing() {
    assertThat(CallerMask.mask(null)).isNull();
    assertThat(CallerMask.mask("")).isEmpty();
  }
}
