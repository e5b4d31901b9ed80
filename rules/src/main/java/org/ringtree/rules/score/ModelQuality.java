package org.ringtree.rules.score;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How well a model did on calls it was not trained on (the latest slice by arrival): AUC with its
 * 95 % confidence interval (Hanley &amp; McNeil's standard error), the Brier score against
 * predicting the training base rate for every call, the expected calibration error over ten
 * equal-width bins and the bins themselves (a reliability table), and whether the model may be
 * promoted.
 *
 * <p>Promotable means: at least {@link #MIN_CLASS} held-out calls of each label, the lower end of
 * the AUC's 95 % interval at least {@link #MIN_AUC_MARGIN} above chance (0.5), and a Brier score
 * below the base rate's. A model trained on data with no signal fails the AUC test.
 */
public record ModelQuality(
    int heldOutRows,
    int positives,
    int negatives,
    double auc,
    double aucLow,
    double aucHigh,
    double brier,
    double baseRateBrier,
    double calibrationError,
    List<Bin> reliability,
    boolean promotable,
    List<String> verdict) {

  /** The AUC margin over chance the lower end of the 95 % interval must reach. */
  public static final double MIN_AUC_MARGIN = 0.05;

  /** Fewest held-out calls of each label for the figures to mean anything. */
  public static final int MIN_CLASS = 30;

  private static final double Z95 = 1.959964;

  /** One reliability bin: the calls predicted in [from, to), their mean prediction and rate. */
  public record Bin(double from, double to, int calls, double meanPredicted, double observed) {}

  public ModelQuality {
    reliability = List.copyOf(reliability);
    verdict = List.copyOf(verdict);
  }

  /**
   * The figures of predictions {@code p} against labels {@code y}; {@code baseRate} is the share of
   * positive labels in the training rows (the no-skill forecast).
   */
  public static ModelQuality measure(double[] p, boolean[] y, double baseRate) {
    if (p.length != y.length) {
      throw new IllegalArgumentException("one prediction per label");
    }
    int n = p.length;
    int pos = 0;
    double brier = 0;
    double baseBrier = 0;
    for (int i = 0; i < n; i++) {
      double t = y[i] ? 1 : 0;
      pos += y[i] ? 1 : 0;
      brier += (p[i] - t) * (p[i] - t);
      baseBrier += (baseRate - t) * (baseRate - t);
    }
    int neg = n - pos;
    brier = n == 0 ? Double.NaN : brier / n;
    baseBrier = n == 0 ? Double.NaN : baseBrier / n;
    double auc = auc(p, y);
    double se = hanleyMcNeil(auc, pos, neg);
    double low = Math.max(0, auc - Z95 * se);
    double high = Math.min(1, auc + Z95 * se);
    List<Bin> bins = reliability(p, y, 10);
    double ece = 0;
    for (Bin b : bins) {
      ece += n == 0 ? 0 : (double) b.calls() / n * Math.abs(b.meanPredicted() - b.observed());
    }

    List<String> verdict = new ArrayList<>();
    boolean ok = true;
    if (pos < MIN_CLASS || neg < MIN_CLASS) {
      ok = false;
      verdict.add(
          String.format(
              Locale.ROOT,
              "too few held-out calls: %d positive and %d negative, at least %d of each needed",
              pos,
              neg,
              MIN_CLASS));
    }
    if (!(low >= 0.5 + MIN_AUC_MARGIN)) {
      ok = false;
      verdict.add(
          String.format(
              Locale.ROOT,
              "AUC %.3f (95%% CI %.3f–%.3f): the lower bound is not %.2f above chance",
              auc,
              low,
              high,
              MIN_AUC_MARGIN));
    } else {
      verdict.add(
          String.format(
              Locale.ROOT,
              "AUC %.3f (95%% CI %.3f–%.3f) beats chance by at least %.2f",
              auc,
              low,
              high,
              MIN_AUC_MARGIN));
    }
    if (!(brier < baseBrier)) {
      ok = false;
      verdict.add(
          String.format(
              Locale.ROOT,
              "Brier score %.4f is no better than the base rate's %.4f",
              brier,
              baseBrier));
    } else {
      verdict.add(
          String.format(Locale.ROOT, "Brier score %.4f (base rate's %.4f)", brier, baseBrier));
    }
    return new ModelQuality(n, pos, neg, auc, low, high, brier, baseBrier, ece, bins, ok, verdict);
  }

  /** The probability that a random positive is ranked above a random negative (ties count half). */
  static double auc(double[] p, boolean[] y) {
    int n = p.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[a], p[b]));
    double rankSumPos = 0;
    long pos = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1; // mean rank of the tied run, from 1
      for (int k = i; k <= j; k++) {
        if (y[order[k]]) {
          rankSumPos += rank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      return 0.5;
    }
    return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }

  /** Hanley &amp; McNeil (1982), Radiology 143:29–36: the standard error of an AUC. */
  static double hanleyMcNeil(double auc, int pos, int neg) {
    if (pos == 0 || neg == 0) {
      return 0.5;
    }
    double q1 = auc / (2 - auc);
    double q2 = 2 * auc * auc / (1 + auc);
    double v =
        (auc * (1 - auc) + (pos - 1) * (q1 - auc * auc) + (neg - 1) * (q2 - auc * auc))
            / ((double) pos * neg);
    return Math.sqrt(Math.max(0, v));
  }

  static List<Bin> reliability(double[] p, boolean[] y, int bins) {
    int[] calls = new int[bins];
    double[] predicted = new double[bins];
    int[] positive = new int[bins];
    for (int i = 0; i < p.length; i++) {
      int b = Math.min(bins - 1, (int) (p[i] * bins));
      calls[b]++;
      predicted[b] += p[i];
      positive[b] += y[i] ? 1 : 0;
    }
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (calls[b] > 0) {
        out.add(
            new Bin(
                (double) b / bins,
                (double) (b + 1) / bins,
                calls[b],
                predicted[b] / calls[b],
                (double) positive[b] / calls[b]));
      }
    }
    return out;
  }

  /** One line for the model list: "AUC 0.81 (0.79–0.83), Brier 0.121, ECE 0.012, promotable". */
  public String shown() {
    return String.format(
        Locale.ROOT,
        "AUC %.3f (95%% CI %.3f–%.3f), Brier %.4f (base rate %.4f), calibration error %.3f, %s",
        auc,
        aucLow,
        aucHigh,
        brier,
        baseRateBrier,
        calibrationError,
        promotable ? "promotable" : "not promotable");
  }
}
