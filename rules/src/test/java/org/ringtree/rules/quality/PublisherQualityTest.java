package org.ringtree.rules.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.quality.QualityFlag.Kind;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.rules.score.traffic.TrafficGenerator;

class PublisherQualityTest {

  static List<QualityCall> quality(List<GeneratedCall> calls) {
    return calls.stream()
        .map(
            c ->
                new QualityCall(
                    c.facts().publisherId(),
                    c.facts().trackingNumber(),
                    c.facts().campaignId(),
                    c.facts().caller().number(),
                    c.facts().arrivedAt(),
                    c.durationSeconds(),
                    c.billableSeconds(),
                    c.converted()))
        .toList();
  }

  static final List<QualityFlag> FLAGS =
      PublisherQuality.assess(
          quality(TrafficGenerator.typical(2026).generate(20_000)), QualitySettings.DEFAULT);

  static {
    FLAGS.forEach(f -> System.out.println(f.publisherId() + " " + f.kind() + ": " + f.evidence()));
  }

  static Set<String> flagged(Kind kind) {
    return FLAGS.stream()
        .filter(f -> f.kind() == kind)
        .map(QualityFlag::publisherId)
        .collect(Collectors.toSet());
  }

  @Test
  void theCallFarmsPublisherIsFlaggedForClusteringJustPastTheThreshold() {
    assertThat(flagged(Kind.THRESHOLD_CLUSTERING)).contains("pub-farm");
    QualityFlag farm =
        FLAGS.stream()
            .filter(
                f -> f.kind() == Kind.THRESHOLD_CLUSTERING && f.publisherId().equals("pub-farm"))
            .findFirst()
            .orElseThrow();
    assertThat(farm.rate()).isGreaterThan(0.5);
    assertThat(farm.baselineRate()).isLessThan(0.1);
    assertThat(farm.pValue()).isLessThan(1e-6);
    assertThat(farm.evidence()).contains("one-sided binomial p <");
  }

  @Test
  void publishersWithGenuineTrafficOnlyAreNotFlagged() {
    // pub-search and pub-tv carry genuine callers and very little fraud in the generator
    assertThat(FLAGS)
        .filteredOn(f -> Set.of("pub-search", "pub-tv").contains(f.publisherId()))
        .isEmpty();
  }

  @Test
  void aPublisherWithTheNetworksOwnDurationsIsNotFlaggedHoweverBig() {
    // two publishers drawing durations from one distribution: neither stands out
    List<QualityCall> calls = new ArrayList<>();
    Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
    for (int i = 0; i < 4000; i++) {
      calls.add(
          new QualityCall(
              i % 2 == 0 ? "a" : "b",
              "src",
              "camp",
              "+1512555" + String.format("%04d", i),
              t0.plusSeconds(60L * i),
              (i * 37) % 400,
              90,
              i % 5 == 0));
    }
    assertThat(PublisherQuality.assess(calls, QualitySettings.DEFAULT)).isEmpty();
  }

  @Test
  void repeatsAndLowConversionAreFlaggedWithTheirCounts() {
    List<QualityCall> calls = new ArrayList<>();
    Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
    for (int i = 0; i < 2000; i++) {
      calls.add(
          new QualityCall(
              "good",
              "src",
              "camp",
              "+1512555" + String.format("%04d", i),
              t0.plusSeconds(60L * i),
              30 + (i % 300),
              90,
              i % 4 == 0));
    }
    for (int i = 0; i < 200; i++) {
      // 20 callers calling 10 times each within hours, never converting
      calls.add(
          new QualityCall(
              "bad",
              "src",
              "camp",
              "+1713555" + String.format("%04d", i % 20),
              t0.plusSeconds(600L * i),
              30 + (i % 300),
              90,
              false));
    }
    List<QualityFlag> flags = PublisherQuality.assess(calls, QualitySettings.DEFAULT);
    assertThat(flags).extracting(QualityFlag::publisherId).containsOnly("bad");
    assertThat(flags)
        .extracting(QualityFlag::kind)
        .containsExactlyInAnyOrder(Kind.REPEAT_CALLERS, Kind.LOW_CONVERSION);
    QualityFlag repeats =
        flags.stream().filter(f -> f.kind() == Kind.REPEAT_CALLERS).findFirst().orElseThrow();
    assertThat(repeats.hits()).isEqualTo(180);
    assertThat(repeats.calls()).isEqualTo(200);
    assertThat(repeats.baselineHits()).isZero();
  }

  @Test
  void aSourceWithTooFewCallsIsNotJudged() {
    List<QualityCall> calls = new ArrayList<>();
    Instant t0 = Instant.parse("2026-12-01T00:00:00Z");
    for (int i = 0; i < 1000; i++) {
      calls.add(
          new QualityCall("a", "s", "c", "+1512555" + i, t0.plusSeconds(i * 90L), 20, 90, false));
    }
    for (int i = 0; i < 29; i++) {
      calls.add(
          new QualityCall("b", "s", "c", "+1713555" + i, t0.plusSeconds(i * 90L), 95, 90, false));
    }
    assertThat(PublisherQuality.assess(calls, QualitySettings.DEFAULT)).isEmpty();
    assertThat(
            PublisherQuality.assess(
                calls, new QualitySettings(15, Duration.ofHours(24), 0.001, 20)))
        .extracting(QualityFlag::kind)
        .containsExactly(Kind.THRESHOLD_CLUSTERING);
  }
}
