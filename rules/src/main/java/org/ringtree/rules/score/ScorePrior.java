package org.ringtree.rules.score;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import org.ringtree.rules.fraud.CallerIdKind;

/**
 * The score before a network has enough labelled calls for a model: a call starts at {@link #BASE}
 * and each rule that fires takes points off (or adds them), clamped to 0–100. The rules and their
 * points are the industry's known fraud signals (docs/score.md names the sources); every rule that
 * fires is a reason.
 */
public final class ScorePrior {

  /** The version the trace names when the prior scored a call. */
  public static final String NAME = "prior-1";

  public static final int BASE = 70;

  private ScorePrior() {}

  public static Score score(ScoreFeatures f) {
    List<ScoreReason> reasons = new ArrayList<>();
    callerId(f, reasons);
    stir(f, reasons);
    if (f.calls24h() >= 2) {
      add(reasons, ScoreEncoder.CALLS_24H, f, -Math.min(36, 6 * (f.calls24h() - 1)));
    }
    if (f.calls30d() >= 10) {
      add(reasons, ScoreEncoder.CALLS_30D, f, -10);
    }
    if (f.conversions24h() >= 1) {
      add(reasons, ScoreEncoder.CONVERSIONS_24H, f, -10);
    }
    if (f.geo() == ScoreFeatures.Geo.MISMATCH) {
      add(reasons, ScoreEncoder.GEO, f, -12);
    }
    if (!f.ivrAnswers().isEmpty() && f.ivrSeconds() < 5) {
      add(reasons, ScoreEncoder.IVR_SECONDS, f, -10);
    }
    if (f.prefixNeighbours() >= 3) {
      add(reasons, ScoreEncoder.PREFIX, f, -Math.min(30, 5 * f.prefixNeighbours()));
    }
    if (f.hourOfDay() < 6) {
      add(reasons, ScoreEncoder.HOUR, f, -8);
    }
    int total = BASE;
    for (ScoreReason r : reasons) {
      total += r.points();
    }
    reasons.sort(Comparator.comparingInt((ScoreReason r) -> Math.abs(r.points())).reversed());
    return new Score(
        Math.max(0, Math.min(100, total)),
        BASE,
        Score.Source.PRIOR,
        NAME,
        OptionalDouble.empty(),
        reasons,
        "");
  }

  private static void callerId(ScoreFeatures f, List<ScoreReason> reasons) {
    int points =
        switch (f.callerId()) {
          case VALID -> 0;
          case ANONYMOUS -> -40;
          case INVALID -> -45;
          case TOLL_FREE -> -25;
        };
    if (f.callerId() != CallerIdKind.VALID) {
      add(reasons, ScoreEncoder.CALLER_ID, f, points);
    }
  }

  private static void stir(ScoreFeatures f, List<ScoreReason> reasons) {
    int points =
        switch (f.stir()) {
          case PASSED_A -> 5;
          case PASSED_B -> -3;
          case PASSED_C -> -8;
          case FAILED_A, FAILED_B, FAILED_C -> -35;
          case NO_VALIDATION -> -10;
          case ABSENT -> -5;
        };
    add(reasons, ScoreEncoder.STIR, f, points);
  }

  private static void add(List<ScoreReason> reasons, String group, ScoreFeatures f, int points) {
    reasons.add(new ScoreReason(group, ScoreEncoder.describe(group, f), points));
  }
}
