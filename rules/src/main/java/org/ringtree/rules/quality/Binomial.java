package org.ringtree.rules.quality;

/**
 * Exact binomial tail probabilities, summed in log space so thousands of calls neither underflow
 * nor lose the tail: the p-values of the quality tests.
 */
public final class Binomial {

  private Binomial() {}

  /** P(X ≥ k) for X ~ Binomial(n, p). */
  public static double upperTail(int k, int n, double p) {
    check(k, n, p);
    if (k <= 0) {
      return 1.0;
    }
    if (k > n) {
      return 0.0;
    }
    return tail(k, n, n, p);
  }

  /** P(X ≤ k) for X ~ Binomial(n, p). */
  public static double lowerTail(int k, int n, double p) {
    check(k, n, p);
    if (k >= n) {
      return 1.0;
    }
    if (k < 0) {
      return 0.0;
    }
    return tail(0, k, n, p);
  }

  private static double tail(int from, int to, int n, double p) {
    if (p <= 0) {
      return from == 0 ? 1.0 : 0.0;
    }
    if (p >= 1) {
      return to == n ? 1.0 : 0.0;
    }
    double lp = Math.log(p);
    double lq = Math.log1p(-p);
    // log pmf(i) by the recurrence from pmf(0) = (1-p)^n
    double logPmf = n * lq;
    double max = Double.NEGATIVE_INFINITY;
    double[] logs = new double[to - from + 1];
    for (int i = 0; i <= to; i++) {
      if (i > 0) {
        logPmf += Math.log((double) (n - i + 1) / i) + lp - lq;
      }
      if (i >= from) {
        logs[i - from] = logPmf;
        max = Math.max(max, logPmf);
      }
    }
    double sum = 0;
    for (double l : logs) {
      sum += Math.exp(l - max);
    }
    return Math.min(1.0, Math.exp(max + Math.log(sum)));
  }

  private static void check(int k, int n, double p) {
    if (n < 0 || Double.isNaN(p) || p < 0 || p > 1) {
      throw new IllegalArgumentException("binomial needs n ≥ 0 and 0 ≤ p ≤ 1: n=" + n + " p=" + p);
    }
  }
}
