package org.ringtree.editor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.dashboard.DashboardPort.Totals;

class DashboardPresenterTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** A port with fixed answers that records the ranges it was asked for. */
  static final class FakePort implements DashboardPort {
    final List<Instant[]> asked = new ArrayList<>();
    List<Totals> current = List.of();
    List<Totals> previous = List.of();
    List<Bucket> buckets = List.of();
    List<PartyMoney> parties = List.of();
    List<CapUse> caps = List.of();

    @Override
    public ZoneId networkZone() {
      return NEW_YORK;
    }

    @Override
    public List<Totals> totals(Instant from, Instant to) {
      asked.add(new Instant[] {from, to});
      return asked.size() % 2 == 1 ? current : previous;
    }

    @Override
    public List<Bucket> series(Instant from, Instant to, ZoneId zone, Step step) {
      return buckets;
    }

    @Override
    public List<PartyMoney> parties(Party party, Instant from, Instant to) {
      return parties;
    }

    @Override
    public List<CapUse> capUsage(Instant now) {
      return caps;
    }

    @Override
    public Runnable watch(Runnable changed) {
      return () -> {};
    }
  }

  static Totals usd(long calls, String revenue, String payout) {
    return usd(calls, revenue, payout, "0.00");
  }

  static Totals usd(long calls, String revenue, String payout, String cost) {
    return new Totals(
        "USD",
        calls,
        calls,
        calls,
        calls,
        0,
        0,
        new BigDecimal(revenue),
        new BigDecimal(payout),
        new BigDecimal(cost));
  }

  static DashboardPresenter.Card card(DashboardPresenter.Board b, String id) {
    return b.cards().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void cardsShowThePeriodsMoneyAndItsChangeAgainstThePeriodBefore() {
    FakePort port = new FakePort();
    port.current = List.of(usd(2, "620.00", "400.00", "0.41"));
    port.previous = List.of(usd(1, "310.00", "200.00", "0.20"));
    DashboardPresenter.Board b =
        new DashboardPresenter(port)
            .load(Periods.Kind.TODAY, NEW_YORK, Instant.parse("2026-12-09T19:07:00Z"));

    assertThat(card(b, "revenue").value()).isEqualTo("620.00 USD");
    assertThat(card(b, "revenue").change()).isEqualTo("+310.00 USD (+100.0 %) vs yesterday");
    assertThat(card(b, "margin").value()).isEqualTo("220.00 USD");
    // profit pays the telephony too: 620.00 − 400.00 − 0.41
    assertThat(card(b, "cost").value()).isEqualTo("0.41 USD");
    assertThat(card(b, "cost").change()).isEqualTo("+0.21 USD (+105.0 %) vs yesterday");
    assertThat(card(b, "profit").value()).isEqualTo("219.59 USD");
    assertThat(card(b, "profit").change()).isEqualTo("+109.79 USD (+100.0 %) vs yesterday");
    assertThat(card(b, "profit").link())
        .isEqualTo("calls?from=2026-12-09&to=2026-12-09&tz=America%2FNew_York");
    assertThat(card(b, "billable").link())
        .isEqualTo("calls?from=2026-12-09&to=2026-12-09&tz=America%2FNew_York&billable=true");
    // today until the next quarter hour, then yesterday until the same local time
    assertThat(port.asked.get(0)[1]).isEqualTo(Instant.parse("2026-12-09T19:15:00Z"));
    assertThat(port.asked.get(1)[1]).isEqualTo(Instant.parse("2026-12-08T19:15:00Z"));
  }

  @Test
  void aQuietNetworkShowsZeroesInDollarsAndRatesAsUndefined() {
    DashboardPresenter.Board b =
        new DashboardPresenter(new FakePort())
            .load(Periods.Kind.THIS_MONTH, NEW_YORK, Instant.parse("2026-12-09T19:07:00Z"));
    assertThat(b.currency()).isEqualTo("USD");
    assertThat(card(b, "revenue").value()).isEqualTo("0.00 USD");
    assertThat(card(b, "margin-pct").value()).isEqualTo("—");
    assertThat(b.money().categories()).hasSize(31);
  }

  @Test
  void moneyOverADayHasEveryLocalHourAndExactCentsAlsoOnADstDay() {
    FakePort port = new FakePort();
    port.buckets =
        List.of(
            new DashboardPort.Bucket(
                LocalDateTime.parse("2026-11-01T01:00"),
                "USD",
                new BigDecimal("310.10"),
                new BigDecimal("200.05"),
                new BigDecimal("0.37")));
    DashboardPresenter.Board b =
        new DashboardPresenter(port)
            .load(Periods.Kind.TODAY, NEW_YORK, Instant.parse("2026-11-01T15:00:00Z"));
    // 25 hours in the day, but 01:00 happens twice and the report buckets by local hour
    assertThat(b.money().categories()).hasSize(24).startsWith("00:00", "01:00", "02:00");
    assertThat(b.money().series().get(0).data().get(1)).isEqualTo("310.10");
    assertThat(b.money().series().get(1).data().get(1)).isEqualTo("200.05");
    assertThat(b.money().series().get(2).data().get(1)).isEqualTo("110.05");
    assertThat(b.money().series().get(3).name()).isEqualTo("Cost (USD)");
    assertThat(b.money().series().get(3).data().get(1)).isEqualTo("0.37");
    assertThat(b.money().series().get(4).name()).isEqualTo("Profit (USD)");
    assertThat(b.money().series().get(4).data().get(1)).isEqualTo("109.68");
    assertThat(b.money().series().get(4).data().get(0)).isEqualTo("0.00");
    assertThat(b.money().series().get(0).data().get(0)).isEqualTo("0.00");
  }

  @Test
  void topPartiesAreRankedByMarginInTheMainCurrencyAndLinkToTheirCalls() {
    FakePort port = new FakePort();
    port.current = List.of(usd(5, "1.00", "0.00"));
    port.parties =
        List.of(
            new DashboardPort.PartyMoney(
                "a",
                "Alpha",
                "USD",
                2,
                new BigDecimal("100.00"),
                new BigDecimal("90.00"),
                new BigDecimal("0.25")),
            new DashboardPort.PartyMoney(
                "b",
                "Beta & Co",
                "USD",
                1,
                new BigDecimal("50.00"),
                new BigDecimal("10.00"),
                new BigDecimal("1.30")),
            new DashboardPort.PartyMoney(
                "c",
                "Gamma",
                "EUR",
                1,
                new BigDecimal("999.00"),
                BigDecimal.ZERO,
                BigDecimal.ZERO));
    DashboardPresenter.Board b =
        new DashboardPresenter(port)
            .load(Periods.Kind.YESTERDAY, NEW_YORK, Instant.parse("2026-12-09T19:07:00Z"));
    assertThat(b.publishers().categories()).containsExactly("Beta & Co", "Alpha");
    assertThat(b.publishers().series().get(0).data()).containsExactly("40.00", "10.00");
    assertThat(b.publishers().series().get(1).name()).isEqualTo("Profit (USD)");
    assertThat(b.publishers().series().get(1).data()).containsExactly("38.70", "9.75");
    assertThat(b.publishers().links().get(0))
        .isEqualTo("calls?from=2026-12-08&to=2026-12-08&tz=America%2FNew_York&publisher=b");
    assertThat(b.buyers().links().get(1)).endsWith("&buyer=a");
  }

  @Test
  void capUseIsShownAsAShareOfEachCap() {
    FakePort port = new FakePort();
    port.caps = List.of(new DashboardPort.CapUse("bidder-one", "Bidder One", "daily", 50, 200));
    DashboardPresenter.Board b =
        new DashboardPresenter(port)
            .load(Periods.Kind.TODAY, NEW_YORK, Instant.parse("2026-12-09T19:07:00Z"));
    assertThat(b.caps().categories()).containsExactly("Bidder One · daily 50/200");
    assertThat(b.caps().series().get(0).data()).containsExactly("25.0");
    assertThat(b.caps().links().get(0)).endsWith("&buyer=bidder-one");
  }

  @Test
  void theMainCurrencyIsTheOneWithTheMostCalls() {
    Totals eur =
        new Totals(
            "EUR",
            9,
            0,
            0,
            0,
            0,
            0,
            BigDecimal.ZERO.setScale(2),
            BigDecimal.ZERO.setScale(2),
            BigDecimal.ZERO.setScale(2));
    assertThat(DashboardPresenter.mainCurrency(List.of(usd(2, "1.00", "0.00"), eur), List.of()))
        .isEqualTo("EUR");
  }
}
