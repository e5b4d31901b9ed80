package org.ringtree.rules.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.call.AreaCodeStates;
import org.ringtree.rules.call.UsZips;
import org.ringtree.rules.fraud.CallerIdKind;
import org.ringtree.rules.fraud.StirVerstat;
import org.ringtree.rules.score.traffic.FraudPattern;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.rules.score.traffic.TrafficGenerator;
import org.ringtree.rules.score.traffic.TrafficMix;

class TrafficGeneratorTest {

  static List<GeneratedCall> calls;

  @BeforeAll
  static void generate() {
    calls = TrafficGenerator.typical(7).generate(10_000);
  }

  @Test
  void theSameSeedGivesTheSameCallsAndAnotherSeedOtherCalls() {
    List<GeneratedCall> again = TrafficGenerator.typical(7).generate(10_000);
    assertThat(again).isEqualTo(calls);
    assertThat(TrafficGenerator.typical(8).generate(10_000)).isNotEqualTo(calls);
  }

  @Test
  void eachPatternGetsExactlyItsShareOfTheCalls() {
    Map<FraudPattern, Integer> counts = new EnumMap<>(FraudPattern.class);
    calls.forEach(c -> counts.merge(c.pattern(), 1, Integer::sum));
    TrafficMix mix = TrafficMix.typical();
    for (FraudPattern p : FraudPattern.values()) {
      assertThat(counts.getOrDefault(p, 0))
          .as(p.name())
          .isEqualTo((int) Math.round(10_000 * mix.share(p)));
    }
    assertThat(TrafficGenerator.typical(1).generate(500))
        .hasSize(500)
        .allMatch(c -> c.pattern() != null);
  }

  @Test
  void callsComeInArrivalOrderWithinTheThirtyDays() {
    Instant from = Instant.parse("2026-11-01T00:00:00Z");
    Instant to = Instant.parse("2026-12-02T12:00:00Z");
    for (int i = 1; i < calls.size(); i++) {
      assertThat(calls.get(i).facts().arrivedAt())
          .isAfterOrEqualTo(calls.get(i - 1).facts().arrivedAt());
    }
    assertThat(calls)
        .allMatch(c -> c.facts().arrivedAt().isAfter(from) && c.facts().arrivedAt().isBefore(to));
  }

  @Test
  void genuineCallersLookGenuine() {
    List<GeneratedCall> good = of(FraudPattern.GOOD);
    assertThat(share(good, c -> c.features().callerId() == CallerIdKind.VALID)).isGreaterThan(0.99);
    assertThat(share(good, c -> c.features().geo() == ScoreFeatures.Geo.MATCH))
        .isBetween(0.85, 0.97);
    assertThat(share(good, c -> c.stir() == StirVerstat.PASSED_A)).isBetween(0.70, 0.80);
    assertThat(share(good, c -> c.features().calls24h() == 0)).isGreaterThan(0.95);
    assertThat(share(good, GeneratedCall::converted)).isBetween(0.15, 0.45);
    assertThat(good).allMatch(c -> !c.converted() || c.billable());
  }

  @Test
  void callFarmsHoldJustPastTheBillableThresholdAndDoNotConvert() {
    List<GeneratedCall> farm = of(FraudPattern.CALL_FARM);
    assertThat(farm)
        .filteredOn(c -> !c.converted())
        .allMatch(c -> c.billable() && c.durationSeconds() <= c.billableSeconds() + 15);
    assertThat(share(farm, GeneratedCall::converted)).isLessThan(0.03);
    assertThat(share(farm, c -> c.facts().publisherId().equals("pub-farm"))).isGreaterThan(0.7);
    assertThat(farm).allMatch(c -> c.ivrSeconds() < 10);
  }

  @Test
  void repeatCallersAndRotatingDialersShowInTheCounts() {
    assertThat(share(of(FraudPattern.REPEAT_CALLER), c -> c.features().calls24h() >= 1))
        .isGreaterThan(0.6);
    List<GeneratedCall> rotating = of(FraudPattern.ROTATING_DIALER);
    assertThat(share(rotating, c -> c.prefixNeighbours() >= 2)).isGreaterThan(0.6);
    assertThat(share(rotating, c -> c.features().calls24h() == 0)).isGreaterThan(0.8);
    assertThat(share(of(FraudPattern.GOOD), c -> c.prefixNeighbours() > 0)).isLessThan(0.01);
  }

  @Test
  void spoofedUnattestedGeoAndShortCallsCarryTheirSignals() {
    assertThat(of(FraudPattern.SPOOFED_CALLER_ID))
        .allMatch(c -> c.features().callerId() != CallerIdKind.VALID && !c.converted());
    assertThat(of(FraudPattern.UNATTESTED))
        .allMatch(c -> c.stir() != StirVerstat.PASSED_A && c.stir() != StirVerstat.PASSED_B);
    assertThat(of(FraudPattern.GEO_MISMATCH))
        .allMatch(c -> c.features().geo() == ScoreFeatures.Geo.MISMATCH);
    assertThat(of(FraudPattern.SHORT_CALL_CLUSTER))
        .allMatch(c -> c.durationSeconds() < 15 && !c.billable() && !c.converted());
  }

  @Test
  void theGeneratorsStatesAreRealZipsAndAreaCodes() {
    for (GeneratedCall c : of(FraudPattern.GOOD)) {
      String zip = c.facts().caller().zip();
      assertThat(UsZips.shared().find(zip)).as(zip).isPresent();
    }
    long placed =
        calls.stream()
            .filter(c -> c.features().callerId() == CallerIdKind.VALID)
            .filter(c -> AreaCodeStates.state(c.facts().caller().number()).isPresent())
            .count();
    long valid = calls.stream().filter(c -> c.features().callerId() == CallerIdKind.VALID).count();
    // libphonenumber's geocoder knows nearly every exchange of these area codes, not all
    assertThat((double) placed / valid).isGreaterThan(0.995);
  }

  @Test
  void aMixMustAddUpToOne() {
    assertThatThrownBy(() -> new TrafficMix(Map.of(FraudPattern.GOOD, 0.5)))
        .hasMessageContaining("add up to 1");
    assertThatThrownBy(
            () -> new TrafficMix(Map.of(FraudPattern.GOOD, 1.5, FraudPattern.CALL_FARM, -0.5)))
        .hasMessageContaining("not negative");
    assertThat(TrafficGenerator.typical(3).generate(10)).hasSize(10);
    assertThat(
            new TrafficGenerator(3, TrafficMix.clean(), Instant.parse("2026-11-01T00:00:00Z"), 2)
                .generate(200))
        .allMatch(c -> c.pattern() == FraudPattern.GOOD);
  }

  static List<GeneratedCall> of(FraudPattern p) {
    return calls.stream().filter(c -> c.pattern() == p).toList();
  }

  static double share(List<GeneratedCall> cs, Predicate<GeneratedCall> p) {
    return cs.isEmpty() ? 0 : (double) cs.stream().filter(p).count() / cs.size();
  }
}
