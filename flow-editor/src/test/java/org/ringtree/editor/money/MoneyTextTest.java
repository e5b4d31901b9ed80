package org.ringtree.editor.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MoneyTextTest {

  @Test
  void moneyIsTheLedgersCentsWithItsCurrency() {
    assertThat(MoneyText.money(new BigDecimal("310"), "USD")).isEqualTo("310.00 USD");
    assertThat(MoneyText.money(new BigDecimal("-0.10"), "EUR")).isEqualTo("-0.10 EUR");
    assertThat(MoneyText.money(new BigDecimal("1234567.89"), "USD")).isEqualTo("1234567.89 USD");
    assertThat(MoneyText.change(new BigDecimal("12"), "USD")).isEqualTo("+12.00 USD");
    assertThat(MoneyText.change(new BigDecimal("-310.00"), "USD")).isEqualTo("-310.00 USD");
    assertThat(MoneyText.money(null, "USD")).isEmpty();
  }

  @Test
  void ageSaysHowLongADisputeHasWaited() {
    Instant now = Instant.parse("2026-12-06T12:00:00Z");
    assertThat(MoneyText.age(Instant.parse("2026-12-06T11:15:00Z"), now)).isEqualTo("45 min");
    assertThat(MoneyText.age(Instant.parse("2026-12-06T06:57:00Z"), now)).isEqualTo("5 h 3 min");
    assertThat(MoneyText.age(Instant.parse("2026-12-04T08:00:00Z"), now)).isEqualTo("2 d 4 h");
  }
}
