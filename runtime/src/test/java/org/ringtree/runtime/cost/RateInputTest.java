package org.ringtree.runtime.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Rates are checked field by field, and minutes are counted as Twilio bills them. */
class RateInputTest {

  @Test
  void everyStartedMinuteIsAWholeMinute() {
    assertThat(CallCosts.billedMinutes(0)).isZero();
    assertThat(CallCosts.billedMinutes(1)).isEqualTo(1);
    assertThat(CallCosts.billedMinutes(60)).isEqualTo(1);
    assertThat(CallCosts.billedMinutes(61)).isEqualTo(2);
    assertThat(CallCosts.billedMinutes(95)).isEqualTo(2);
    assertThat(CallCosts.billedMinutes(3600)).isEqualTo(60);
  }

  @Test
  void validRatesGetTheirScaleAndTheDefaultCurrency() {
    RateInput in =
        new RateInput(
                null,
                new BigDecimal("0.0085"),
                new BigDecimal("0.014"),
                new BigDecimal("0.00250"),
                new BigDecimal("1.1"))
            .check();
    assertThat(in.currency()).isEqualTo("USD");
    assertThat(in.dialledPerMinute()).isEqualByComparingTo("0.0140");
    assertThat(in.dialledPerMinute().scale()).isEqualTo(4);
    assertThat(in.recordingPerMinute().toPlainString()).isEqualTo("0.0025");
    assertThat(in.numberRentPerMonth().toPlainString()).isEqualTo("1.10");
  }

  @Test
  void badRatesNameTheirField() {
    assertThatThrownBy(() -> rates("0.01", "0.01", "0.01", "10000.01").check())
        .isInstanceOf(CostProblem.class)
        .hasMessageStartingWith("numberRentPerMonth: at most 10000");
    assertThatThrownBy(() -> rates("0.00001", "0.01", "0.01", "1").check())
        .hasMessageStartingWith("inboundPerMinute: at most 4 decimals");
    assertThatThrownBy(() -> rates("100.0001", "0.01", "0.01", "1").check())
        .hasMessageStartingWith("inboundPerMinute: at most 100");
    assertThatCode(() -> rates("0.01", "0.01", "0.00000", "1").check())
        .as("trailing zeros are not decimals that count")
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> rates("0.01", "0.01", "-0.0001", "1").check())
        .hasMessageStartingWith("recordingPerMinute: must not be negative");
  }

  private static RateInput rates(String in, String dialled, String rec, String rent) {
    return new RateInput(
        "usd",
        new BigDecimal(in),
        new BigDecimal(dialled),
        new BigDecimal(rec),
        new BigDecimal(rent));
  }
}
