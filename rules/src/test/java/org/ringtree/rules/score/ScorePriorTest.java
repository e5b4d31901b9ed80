package org.ringtree.rules.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.fraud.CallerIdKind;
import org.ringtree.rules.fraud.StirVerstat;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.rules.score.traffic.TrafficGenerator;

class ScorePriorTest {

  /** A genuine-looking call: Tuesday 14:00, attested A, local area code, 30 s in the IVR. */
  static ScoreFeatures clean() {
    return new ScoreFeatures(
        "pub-1",
        "auto",
        Map.of("channel", "search"),
        24 + 14,
        0,
        0,
        0,
        0,
        "512",
        "TX",
        "78701",
        "TX",
        StirVerstat.PASSED_A,
        CallerIdKind.VALID,
        Map.of("insured", "yes"),
        30,
        0);
  }

  static ScoreFeatures with(
      ScoreFeatures f, int calls24h, StirVerstat stir, CallerIdKind kind, String zipState) {
    return new ScoreFeatures(
        f.publisherId(),
        f.campaignId(),
        f.sourceTags(),
        f.hourOfWeek(),
        calls24h,
        Math.max(calls24h, f.calls30d()),
        f.conversions24h(),
        f.conversions30d(),
        f.areaCode(),
        f.areaCodeState(),
        f.zip(),
        zipState,
        stir,
        kind,
        f.ivrAnswers(),
        f.ivrSeconds(),
        f.prefixNeighbours());
  }

  @Test
  void aCleanCallScoresTheBasePlusItsAttestation() {
    Score s = ScorePrior.score(clean());
    assertThat(s.value()).isEqualTo(75);
    assertThat(s.base()).isEqualTo(ScorePrior.BASE);
    assertThat(s.source()).isEqualTo(Score.Source.PRIOR);
    assertThat(s.model()).isEqualTo(ScorePrior.NAME);
    assertThat(s.probability()).isEmpty();
    assertThat(s.reasons())
        .extracting(ScoreReason::toString)
        .containsExactly("SHAKEN/STIR TN-Validation-Passed-A: +5");
  }

  @Test
  void aCallerWhoCalledFourTimesInADayLosesEighteenPoints() {
    Score s = ScorePrior.score(with(clean(), 4, StirVerstat.PASSED_A, CallerIdKind.VALID, "TX"));
    assertThat(s.reasons())
        .extracting(ScoreReason::toString)
        .contains("caller called 4 times in 24 h: \u221218");
    assertThat(s.value()).isEqualTo(75 - 18);
  }

  @Test
  void theWorstCallIsClampedAtZeroAndEveryReasonIsKept() {
    ScoreFeatures worst =
        new ScoreFeatures(
            "p",
            "c",
            Map.of(),
            2,
            9,
            20,
            1,
            1,
            null,
            null,
            "78701",
            "TX",
            StirVerstat.FAILED_A,
            CallerIdKind.INVALID,
            Map.of("insured", "yes"),
            2,
            6);
    Score s = ScorePrior.score(worst);
    assertThat(s.value()).isZero();
    assertThat(s.reasons())
        .extracting(ScoreReason::feature)
        .containsExactlyInAnyOrder(
            "callerId",
            "stir",
            "calls24h",
            "calls30d",
            "conversions24h",
            "ivrSeconds",
            "prefixNeighbours",
            "hour");
    // largest first
    assertThat(s.reasons().get(0).points()).isEqualTo(-45);
  }

  @Test
  void geoMismatchTollFreeAndAnonymousCostPoints() {
    assertThat(
            ScorePrior.score(with(clean(), 0, StirVerstat.PASSED_B, CallerIdKind.VALID, "FL"))
                .value())
        .isEqualTo(70 - 3 - 12);
    assertThat(
            ScorePrior.score(with(clean(), 0, StirVerstat.ABSENT, CallerIdKind.TOLL_FREE, "TX"))
                .value())
        .isEqualTo(70 - 5 - 25);
    assertThat(
            ScorePrior.score(
                    with(clean(), 0, StirVerstat.NO_VALIDATION, CallerIdKind.ANONYMOUS, "TX"))
                .value())
        .isEqualTo(70 - 10 - 40);
    assertThat(
            ScorePrior.score(with(clean(), 0, StirVerstat.PASSED_C, CallerIdKind.VALID, "TX"))
                .value())
        .isEqualTo(62);
  }

  @Test
  void onGeneratedTrafficThePriorIsInRangeAndRanksFraudBelowGenuineCalls() {
    List<GeneratedCall> calls = TrafficGenerator.typical(21).generate(5_000);
    double[] p = new double[calls.size()];
    boolean[] genuine = new boolean[calls.size()];
    for (int i = 0; i < p.length; i++) {
      Score s = ScorePrior.score(calls.get(i).features());
      assertThat(s.value()).isBetween(0, 100);
      p[i] = s.value() / 100.0;
      genuine[i] = !calls.get(i).pattern().fraud();
    }
    assertThat(ModelQuality.auc(p, genuine)).isGreaterThan(0.75);
  }
}
