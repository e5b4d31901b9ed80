package org.ringtree.editor.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TotalsTest {

  static PublisherPortalPort.PayoutLine line(
      String day, String campaign, String rule, long n, String amount, String currency) {
    return new PublisherPortalPort.PayoutLine(
        LocalDate.parse(day), campaign, campaign, rule, n, new BigDecimal(amount), currency);
  }

  static List<Totals.Total> perCampaign(List<PublisherPortalPort.PayoutLine> lines) {
    return Totals.by(
        lines,
        PublisherPortalPort.PayoutLine::campaignName,
        PublisherPortalPort.PayoutLine::entries,
        PublisherPortalPort.PayoutLine::amount,
        PublisherPortalPort.PayoutLine::currency);
  }

  @Test
  void sumsEachCampaignToTheCentAcrossDaysAndRules() {
    var totals =
        perCampaign(
            List.of(
                line("2026-12-01", "auto", "payout:fixed", 3, "60.10", "USD"),
                line("2026-12-02", "auto", "payout:fixed", 2, "40.20", "USD"),
                line("2026-12-02", "auto", "dispute-7", 1, "-20.05", "USD"),
                line("2026-12-02", "home", "payout:share", 1, "0.01", "USD")));

    assertThat(totals)
        .containsExactly(
            new Totals.Total("auto", 6, new BigDecimal("80.25"), "USD"),
            new Totals.Total("home", 1, new BigDecimal("0.01"), "USD"));
    assertThat(totals.get(0).shown()).isEqualTo("80.25 USD");
  }

  @Test
  void neverAddsTwoCurrenciesTogether() {
    var totals =
        perCampaign(
            List.of(
                line("2026-12-01", "auto", "payout:fixed", 1, "10.00", "USD"),
                line("2026-12-01", "auto", "payout:fixed", 1, "10.00", "EUR")));

    assertThat(totals).extracting(Totals.Total::shown).containsExactly("10.00 EUR", "10.00 USD");
  }
}
