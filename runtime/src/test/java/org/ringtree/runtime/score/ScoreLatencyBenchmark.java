package org.ringtree.runtime.score;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.LoadGenerator;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The score's cost inside the incoming webhook (docs/benchmarks.md, "Call-quality score"): the load
 * generator's incoming mode against this test's platform (demo network, no model promoted: the
 * prior scores), then the scoring timer's percentiles as the platform recorded them. Run with
 * -Dscore.bench=true (-Dscore.bench.rates, -Dscore.bench.seconds). Prints; asserts nothing.
 */
@EnabledIfSystemProperty(named = "score.bench", matches = "true")
class ScoreLatencyBenchmark extends RunningPlatformTest {

  @Autowired MeterRegistry meters;

  @Test
  void scoringLatencyInsideTheIncomingWebhook() {
    String rates = System.getProperty("score.bench.rates", "100,200,300,300,300,300");
    String seconds = System.getProperty("score.bench.seconds", "10");
    // the generator ends the JVM when it is done: the figures are written on the way out
    Runtime.getRuntime().addShutdownHook(new Thread(this::report));
    LoadGenerator.main(
        new String[] {
          "--url", baseUrl,
          "--token", AUTH_TOKEN,
          "--rates", rates,
          "--seconds", seconds,
          "--warmup", "3000",
          "--warmup-seconds", "20",
          "--floor", "off"
        });
  }

  /** The timer's figures, to stderr and to target/score-latency.txt. */
  private void report() {
    Timer timer = meters.get(CallScorer.TIMER).timer();
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "scoring in the webhook: %d scored, mean %.1f µs, max %.1f µs",
                timer.count(),
                timer.mean(TimeUnit.MICROSECONDS),
                timer.max(TimeUnit.MICROSECONDS)));
    for (ValueAtPercentile p : timer.takeSnapshot().percentileValues()) {
      line.append(
          String.format(
              Locale.ROOT,
              ", p%s %.1f µs",
              Math.round(p.percentile() * 100),
              p.value(TimeUnit.MICROSECONDS)));
    }
    System.err.println(line);
    try {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target", "score-latency.txt"), line + System.lineSeparator());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
