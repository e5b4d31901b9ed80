package org.ringtree.rules.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs each benchmark body once so the benchmarks cannot rot; the real runs use JMH. */
class BenchmarkSmokeTest {

  @Test
  void compileBenchmarkBuildsA20NodeFlow() {
    CompileBenchmark b = new CompileBenchmark();
    b.nodes = 20;
    b.setUp();
    assertThat(b.compileAndBuild().versionKey()).isNotNull();
  }

  @Test
  void routeBenchmarkDecidesWithAWinnerAndSkips() {
    RouteBenchmark b = new RouteBenchmark();
    b.setUp();
    var d = b.routeLatency();
    assertThat(d.winner()).isPresent();
    assertThat(d.justifications()).anyMatch(j -> j.message().contains("daily cap 40/40"));
  }

  @Test
  void scoreBenchmarkScoresWithTheModelThePriorAndFromFacts() {
    ScoreBenchmark b = new ScoreBenchmark();
    b.setUp();
    assertThat(b.modelScore().model()).isEqualTo("bench");
    assertThat(b.priorScore().value()).isBetween(0, 100);
    assertThat(b.featuresAndModelScore().probability()).isPresent();
  }
}
