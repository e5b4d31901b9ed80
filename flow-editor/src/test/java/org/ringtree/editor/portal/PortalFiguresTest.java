package org.ringtree.editor.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortalFiguresTest {

  @Test
  void moneyIsShownToTheLedgersCentWithItsCurrency() {
    assertThat(PortalFigures.text(new BigDecimal("200"), "USD")).isEqualTo("200.00 USD");
    assertThat(PortalFigures.text(new BigDecimal("0.10"), "EUR")).isEqualTo("0.10 EUR");
    assertThat(PortalFigures.text(null, "USD")).isEqualTo("—");
  }

  @Test
  void anAmountFinerThanACentIsNeverRoundedAway() {
    // the ledger holds cents; anything finer is a bug to see, not to hide
    assertThatThrownBy(() -> PortalFigures.text(new BigDecimal("1.005"), "USD"))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void aPeriodWithMoneyInTwoCurrenciesShowsBoth() {
    var f =
        new PortalFigures(
            "Today",
            3,
            2,
            List.of(
                new PortalFigures.Amount(new BigDecimal("12.50"), "EUR"),
                new PortalFigures.Amount(new BigDecimal("400.00"), "USD")));

    assertThat(f.moneyShown()).isEqualTo("12.50 EUR + 400.00 USD");
    assertThat(new PortalFigures("Today", 0, 0, List.of()).moneyShown()).isEqualTo("0.00");
  }
}
