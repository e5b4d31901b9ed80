package org.ringtree.rules.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.ringtree.rules.score.LabelledCall;
import org.ringtree.rules.score.Score;
import org.ringtree.rules.score.ScoreFeatures;
import org.ringtree.rules.score.ScoreModel;
import org.ringtree.rules.score.ScorePrior;
import org.ringtree.rules.score.ScoreTrainer;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.rules.score.traffic.TrafficGenerator;

/**
 * Scoring one call before routing, over generated traffic (each invocation takes the next of 4,096
 * calls): the learned model with its top reasons, the prior, and the model with the features built
 * from the call's facts (history counts, libphonenumber's caller-id kind and area-code state, the
 * zip's state and zone) — what the webhook would add.
 */
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScoreBenchmark {

  private ScoreModel model;
  private ScoreFeatures[] features;
  private GeneratedCall[] calls;
  private int next;

  @Setup
  public void setUp() {
    List<GeneratedCall> generated = TrafficGenerator.typical(42).generate(20_000);
    model =
        new ScoreTrainer(Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), ZoneOffset.UTC))
            .train(
                generated.stream()
                    .map(c -> new LabelledCall(c.features(), c.converted(), c.facts().arrivedAt()))
                    .toList(),
                ScoreTrainer.Options.defaults("bench", "converted"));
    calls =
        generated.subList(generated.size() - 4_096, generated.size()).toArray(GeneratedCall[]::new);
    features = new ScoreFeatures[calls.length];
    for (int i = 0; i < calls.length; i++) {
      features[i] = calls[i].features();
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Score modelScore() {
    return model.score(features[next++ & 4095]);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Score priorScore() {
    return ScorePrior.score(features[next++ & 4095]);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public Score featuresAndModelScore() {
    GeneratedCall c = calls[next++ & 4095];
    return model.score(
        ScoreFeatures.of(
            c.facts(),
            c.stir(),
            c.ivrSeconds(),
            c.prefixNeighbours(),
            TrafficGenerator.NETWORK_ZONE));
  }
}
