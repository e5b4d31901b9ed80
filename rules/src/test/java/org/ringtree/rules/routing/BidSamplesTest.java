package org.ringtree.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BidSamplesTest {

  private static final BidSamples SAMPLES =
      BidSamples.of(
          List.of(Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofMillis(200)),
          List.of(new BigDecimal("20.00"), new BigDecimal("10.00"), new BigDecimal("40.00")));

  @Test
  void countsTheAnswersSlowerThanTheTimeWaitedWhateverTheOrderGiven() {
    assertThat(SAMPLES.answersSlowerThan(Duration.ZERO)).isEqualTo(3);
    assertThat(SAMPLES.answersSlowerThan(Duration.ofMillis(100))).isEqualTo(2);
    assertThat(SAMPLES.answersSlowerThan(Duration.ofMillis(250))).isEqualTo(1);
    assertThat(SAMPLES.answersSlowerThan(Duration.ofMillis(300))).isZero();
    assertThat(SAMPLES.slowestAnswer()).isEqualTo(Duration.ofMillis(300));
  }

  @Test
  void sumsWhatTheBidsAboveAnAmountExceededItBy() {
    assertThat(SAMPLES.bidsAbove(new BigDecimal("15"))).isEqualTo(2);
    assertThat(SAMPLES.excessOver(new BigDecimal("15"))).isEqualByComparingTo("30");
    assertThat(SAMPLES.bidsAbove(new BigDecimal("40.00"))).isZero();
    assertThat(SAMPLES.excessOver(new BigDecimal("40.00"))).isEqualByComparingTo("0");
    assertThat(SAMPLES.excessOver(BigDecimal.ZERO)).isEqualByComparingTo("70");
  }

  @Test
  void readsABidQuantileByNearestRank() {
    assertThat(SAMPLES.bidQuantile(1)).isEqualByComparingTo("40");
    assertThat(SAMPLES.bidQuantile(0.67)).isEqualByComparingTo("40");
    assertThat(SAMPLES.bidQuantile(0.5)).isEqualByComparingTo("20");
    assertThat(SAMPLES.bidQuantile(0)).isEqualByComparingTo("10");
    assertThat(SAMPLES.highestBid()).isEqualByComparingTo("40");
    assertThat(BidSamples.of(List.of(), List.of()).bidQuantile(0.95)).isNull();
  }

  @Test
  void aHistoryBuiltFromSamplesCarriesItsTotals() {
    BidHistory h =
        BidHistory.ofSamples(
            5, List.of(Duration.ofMillis(300), Duration.ofMillis(100)), List.of(BigDecimal.TEN));

    assertThat(h.pings()).isEqualTo(5);
    assertThat(h.answers()).isEqualTo(2);
    assertThat(h.highestBid()).isEqualByComparingTo("10");
    assertThat(h.slowestAnswer()).isEqualTo(Duration.ofMillis(300));
    assertThat(h.withDeclaredMaximum(BigDecimal.ONE).samples()).isEqualTo(h.samples());
  }
}
