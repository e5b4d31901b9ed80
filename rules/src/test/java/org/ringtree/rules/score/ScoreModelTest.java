package org.ringtree.rules.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.score.traffic.FraudPattern;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.rules.score.traffic.TrafficGenerator;

class ScoreModelTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T08:00:00Z"), ZoneOffset.UTC);

  static List<GeneratedCall> calls;
  static ScoreModel model;

  @BeforeAll
  static void train() {
    calls = TrafficGenerator.typical(11).generate(20_000);
    model =
        new ScoreTrainer(CLOCK)
            .train(converted(calls), ScoreTrainer.Options.defaults("m-test", "converted"));
  }

  static List<LabelledCall> converted(List<GeneratedCall> cs) {
    return cs.stream()
        .map(c -> new LabelledCall(c.features(), c.converted(), c.facts().arrivedAt()))
        .toList();
  }

  @Test
  void aModelTrainedOnGeneratedTrafficBeatsChanceOnTheLaterCallsByTheStatedMargin() {
    ModelQuality q = model.about().quality();
    assertThat(q.heldOutRows()).isEqualTo(4_000);
    assertThat(q.aucLow()).isGreaterThanOrEqualTo(0.5 + ModelQuality.MIN_AUC_MARGIN);
    assertThat(q.auc()).isGreaterThan(0.75);
    assertThat(q.brier()).isLessThan(q.baseRateBrier());
    assertThat(q.calibrationError()).isLessThan(0.05);
    assertThat(q.promotable()).isTrue();
    assertThat(model.about().trainingRows()).isEqualTo(16_000);
    assertThat(model.about().dataFrom()).isEqualTo(calls.get(0).facts().arrivedAt());
    assertThat(model.about().trainedAt()).isEqualTo(CLOCK.instant());
  }

  @Test
  void aModelTrainedOnLabelsWithNoSignalIsNotPromotable() {
    // the same calls, the labels shuffled: as many conversions, none tied to a feature
    List<LabelledCall> real = converted(calls);
    List<Boolean> labels = new ArrayList<>(real.stream().map(LabelledCall::positive).toList());
    java.util.Collections.shuffle(labels, new java.util.Random(5));
    List<LabelledCall> noise = new ArrayList<>();
    for (int i = 0; i < real.size(); i++) {
      noise.add(new LabelledCall(real.get(i).features(), labels.get(i), real.get(i).at()));
    }
    ScoreModel m =
        new ScoreTrainer(CLOCK).train(noise, ScoreTrainer.Options.defaults("noise", "shuffled"));
    assertThat(m.about().quality().promotable()).isFalse();
    assertThat(m.about().quality().aucLow()).isLessThan(0.55);
    assertThat(m.about().quality().verdict()).anyMatch(v -> v.contains("not 0.05 above chance"));
  }

  @Test
  void fraudScoresLowerThanGenuineCalls() {
    double good = meanScore(FraudPattern.GOOD);
    for (FraudPattern p :
        List.of(
            FraudPattern.CALL_FARM,
            FraudPattern.SPOOFED_CALLER_ID,
            FraudPattern.ROTATING_DIALER,
            FraudPattern.SHORT_CALL_CLUSTER)) {
      assertThat(meanScore(p)).as(p.name()).isLessThan(good - 15);
    }
  }

  @Test
  void aScoreIsZeroToHundredWithSignedReasonsThatExplainItsDistanceFromTheBase() {
    for (GeneratedCall c : calls.subList(0, 2_000)) {
      Score s = model.score(c.features());
      assertThat(s.value()).isBetween(0, 100);
      assertThat(s.source()).isEqualTo(Score.Source.MODEL);
      assertThat(s.model()).isEqualTo("m-test");
      assertThat(s.probability()).isPresent();
      assertThat(s.reasons()).hasSizeLessThanOrEqualTo(ScoreModel.TOP_REASONS);
      assertThat(s.reasons()).allMatch(r -> r.points() != 0 && !r.shown().isBlank());
      if (!s.reasons().isEmpty()) {
        // the top reasons carry the direction of the move away from the base
        int sum = s.reasons().stream().mapToInt(ScoreReason::points).sum();
        int move = s.value() - s.base();
        if (Math.abs(move) > 20 && Math.abs(sum) > 5) {
          assertThat(Integer.signum(sum)).isEqualTo(Integer.signum(move));
        }
      }
    }
    GeneratedCall spoofed =
        calls.stream().filter(c -> c.pattern() == FraudPattern.SPOOFED_CALLER_ID).findFirst().get();
    Score s = model.score(spoofed.features());
    assertThat(s.reasons())
        .anyMatch(r -> r.feature().equals("callerId") || r.feature().equals("stir"));
    assertThat(s.shown()).startsWith("score " + s.value() + " (m-test): ");
  }

  @Test
  void scoringIsPure() {
    GeneratedCall c = calls.get(123);
    Score first = model.score(c.features());
    for (GeneratedCall other : calls.subList(0, 500)) {
      model.score(other.features());
    }
    assertThat(model.score(c.features())).isEqualTo(first);
  }

  @Test
  void aModelSurvivesItsBytesAndScoresTheSame() {
    ScoreModel back = ScoreModel.fromBytes(model.toBytes());
    for (GeneratedCall c : calls.subList(0, 300)) {
      assertThat(back.score(c.features())).isEqualTo(model.score(c.features()));
    }
    assertThat(back.about()).isEqualTo(model.about());
    assertThat(back.named("v7").score(calls.get(0).features()).model()).isEqualTo("v7");
  }

  @Test
  void bytesThatAreNoModelAreRefusedWithTheReason() {
    byte[] good = model.toBytes();
    assertThatThrownBy(() -> ScoreModel.fromBytes(new byte[0]))
        .isInstanceOf(UnreadableModelException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () -> ScoreModel.fromBytes("PK\u0003\u0004 a zip".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableModelException.class)
        .hasMessageContaining("header");
    byte[] damaged = good.clone();
    damaged[damaged.length / 2] ^= 0x20;
    assertThatThrownBy(() -> ScoreModel.fromBytes(damaged))
        .isInstanceOf(UnreadableModelException.class)
        .hasMessageContaining("checksum");
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 10);
    assertThatThrownBy(() -> ScoreModel.fromBytes(truncated)).hasMessageContaining("checksum");
    String text = new String(good, StandardCharsets.UTF_8);
    String body = text.substring(text.indexOf('\n') + 1);
    assertThatThrownBy(() -> ScoreModel.fromBytes(withHeader("2", body)))
        .hasMessageContaining("format 2");
    assertThatThrownBy(
            () ->
                ScoreModel.fromBytes(
                    withHeader("1", body.replace("\"encoderVersion\":1", "\"encoderVersion\":99"))))
        .hasMessageContaining("encoder version 99");
    assertThatThrownBy(() -> ScoreModel.fromBytes(withHeader("1", "{\"format\": [")))
        .hasMessageContaining("not the model's JSON");
    assertThatThrownBy(
            () ->
                ScoreModel.fromBytes(
                    withHeader("1", body.replaceFirst("\"bias\":[^,]+", "\"bias\":\"NaN\""))))
        .isInstanceOf(UnreadableModelException.class);
    assertThatThrownBy(
            () -> ScoreModel.fromBytes(withHeader("1", "{\"format\":1,\"encoderVersion\":1}")))
        .hasMessageContaining("missing");
  }

  @Test
  void trainingRefusesTooFewCallsOrASingleLabel() {
    List<LabelledCall> few = converted(calls.subList(0, 50));
    assertThatThrownBy(
            () -> new ScoreTrainer(CLOCK).train(few, ScoreTrainer.Options.defaults("x", "y")))
        .hasMessageContaining("not enough labelled calls");
    List<LabelledCall> allNo =
        calls.subList(0, 500).stream()
            .map(c -> new LabelledCall(c.features(), false, c.facts().arrivedAt()))
            .toList();
    assertThatThrownBy(
            () -> new ScoreTrainer(CLOCK).train(allNo, ScoreTrainer.Options.defaults("x", "y")))
        .hasMessageContaining("same label");
    List<LabelledCall> hundred = converted(calls.subList(0, 100));
    assertThatThrownBy(
            () ->
                new ScoreTrainer(CLOCK)
                    .train(hundred, new ScoreTrainer.Options("x", "y", 0.001, 5, 0.1, 1)))
        .hasMessageContaining("leaves no call");
    assertThatThrownBy(() -> new ScoreTrainer.Options("x", "y", 0.2, 0, 0.1, 1))
        .hasMessageContaining("epoch");
    assertThatThrownBy(() -> new ScoreTrainer.Options("x", "y", 1.0, 5, 0.1, 1))
        .hasMessageContaining("held-out");
    assertThatThrownBy(() -> new LabelledCall(calls.get(0).features(), true, Instant.EPOCH, 0))
        .hasMessageContaining("weight");
  }

  @Test
  void theSameCallsAndSeedTrainTheSameModel() {
    List<LabelledCall> some = converted(calls.subList(0, 3_000));
    ScoreTrainer t = new ScoreTrainer(CLOCK);
    byte[] a = t.train(some, ScoreTrainer.Options.defaults("a", "converted")).toBytes();
    byte[] b = t.train(some, ScoreTrainer.Options.defaults("a", "converted")).toBytes();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void withoutAModelThePriorScoresAndTheNoteSaysSo() {
    Score s = Scoring.score(null, calls.get(0).features());
    assertThat(s.source()).isEqualTo(Score.Source.PRIOR);
    assertThat(s.note()).contains("no model promoted");
    assertThat(Scoring.score(model, calls.get(0).features()).source())
        .isEqualTo(Score.Source.MODEL);
  }

  @Test
  void revenueWeightsAreAccepted() {
    SplittableRandom r = new SplittableRandom(3);
    List<LabelledCall> weighted =
        calls.subList(0, 4_000).stream()
            .map(
                c ->
                    new LabelledCall(
                        c.features(),
                        c.converted(),
                        c.facts().arrivedAt(),
                        c.converted() ? c.revenue().amount().doubleValue() : 1 + r.nextDouble()))
            .toList();
    ScoreModel m =
        new ScoreTrainer(CLOCK)
            .train(weighted, ScoreTrainer.Options.defaults("weighted", "converted by revenue"));
    assertThat(m.about().quality().auc()).isGreaterThan(0.6);
  }

  private static byte[] withHeader(String format, String body) {
    byte[] json = body.getBytes(StandardCharsets.UTF_8);
    CRC32 crc = new CRC32();
    crc.update(json);
    return (ScoreModel.MAGIC + " " + format + " " + Long.toHexString(crc.getValue()) + "\n" + body)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static double meanScore(FraudPattern p) {
    return calls.stream()
        .filter(c -> c.pattern() == p)
        .mapToInt(c -> model.score(c.features()).value())
        .average()
        .orElseThrow();
  }
}
