package org.ringtree.rules.bench;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.ringtree.rules.score.LabelledCall;
import org.ringtree.rules.score.ModelQuality;
import org.ringtree.rules.score.ScoreModel;
import org.ringtree.rules.score.ScoreTrainer;
import org.ringtree.rules.score.traffic.FraudPattern;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.rules.score.traffic.TrafficGenerator;

/**
 * The figures docs/score.md records: a model's quality on the generator's held-out slice for each
 * label, the mean score per pattern, and training time and heap for {@code n} calls. Run by hand:
 * {@code java -cp <test classpath> org.ringtree.rules.bench.ScoreFigures 100000}.
 */
public final class ScoreFigures {

  private ScoreFigures() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Runtime rt = Runtime.getRuntime();
    long t0 = System.nanoTime();
    List<GeneratedCall> calls = TrafficGenerator.typical(2026).generate(n);
    long t1 = System.nanoTime();
    print("generated %,d calls in %.1f s%n", n, (t1 - t0) / 1e9);
    report(calls, "converted", GeneratedCall::converted, rt);
    report(calls, "billable", GeneratedCall::billable, rt);
  }

  private static void report(
      List<GeneratedCall> calls, String label, Predicate<GeneratedCall> positive, Runtime rt) {
    List<LabelledCall> rows =
        calls.stream()
            .map(c -> new LabelledCall(c.features(), positive.test(c), c.facts().arrivedAt()))
            .toList();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    long t0 = System.nanoTime();
    ScoreModel m =
        new ScoreTrainer(Clock.systemUTC())
            .train(rows, ScoreTrainer.Options.defaults(label, label));
    long t1 = System.nanoTime();
    long after = rt.totalMemory() - rt.freeMemory();
    ModelQuality q = m.about().quality();
    print(
        "%nlabel %s: trained on %,d calls in %.1f s (heap grew %,d MB, max heap %,d MB)%n",
        label,
        m.about().trainingRows(),
        (t1 - t0) / 1e9,
        (after - before) >> 20,
        rt.maxMemory() >> 20);
    print("  %s%n", q.shown());
    print(
        "  held out %,d calls: %,d positive, %,d negative%n",
        q.heldOutRows(), q.positives(), q.negatives());
    for (ModelQuality.Bin b : q.reliability()) {
      print(
          "  bin %.1f–%.1f: %,7d calls, predicted %.3f, observed %.3f%n",
          b.from(), b.to(), b.calls(), b.meanPredicted(), b.observed());
    }
    for (FraudPattern p : FraudPattern.values()) {
      double mean =
          calls.stream()
              .filter(c -> c.pattern() == p)
              .mapToInt(c -> m.score(c.features()).value())
              .average()
              .orElse(Double.NaN);
      print("  mean score %-18s %5.1f%n", p, mean);
    }
  }

  private static void print(String format, Object... args) {
    System.out.print(String.format(Locale.ROOT, format, args));
  }
}
