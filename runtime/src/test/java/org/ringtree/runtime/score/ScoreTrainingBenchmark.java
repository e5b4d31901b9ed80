package org.ringtree.runtime.score;

import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.score.traffic.GeneratedCall;
import org.ringtree.rules.score.traffic.TrafficGenerator;
import org.ringtree.rules.score.traffic.TrafficMix;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Training a score model from PostgreSQL on 1,000,000 ended, scored calls (docs/benchmarks.md,
 * "Training from PostgreSQL"): the generator's calls are written with COPY in chunks of 100,000
 * (each chunk its own 3-day slice of 30 days), then {@link ScoreTraining#train} reads them back
 * through {@code ScoreTrainingRows}' cursor and trains. Wall time of the whole train call, and the
 * heap: used after a full GC before training, and the peak used during it (sampled every 10 ms).
 * {@code -Dscore.training.bench=true}; {@code -Dscore.training.bench.calls=1000000}. Prints;
 * asserts nothing.
 */
@EnabledIfSystemProperty(named = "score.training.bench", matches = "true")
class ScoreTrainingBenchmark extends SecuredAppTest {

  private static final Instant START = Instant.parse("2024-06-01T06:00:00Z");
  private static final int CHUNK = 100_000;

  @Autowired DataSource dataSource;
  @Autowired ScoreTraining training;

  @Test
  void trainsOnAMillionCallsFromPostgres() throws Exception {
    int calls = Integer.getInteger("score.training.bench.calls", 1_000_000);
    long t0 = System.nanoTime();
    for (int chunk = 0; chunk * CHUNK < calls; chunk++) {
      int n = Math.min(CHUNK, calls - chunk * CHUNK);
      List<GeneratedCall> generated =
          new TrafficGenerator(
                  2026 + chunk, TrafficMix.typical(), START.plus(Duration.ofDays(3L * chunk)), 3)
              .generate(n);
      copy(generated, "b" + chunk);
    }
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    try (Connection c = dataSource.getConnection()) {
      c.createStatement().execute("ANALYZE calls; ANALYZE call_scores; ANALYZE ledger_entries");
    }

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    AtomicBoolean running = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (running.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(10);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();
    long t1 = System.nanoTime();
    ModelVersion v =
        training.train(
            new ScoreTraining.Request(
                START, START.plus(Duration.ofDays(31)), ScoreTraining.Label.CONVERTED, false),
            "benchmark");
    double trainSeconds = (System.nanoTime() - t1) / 1e9;
    running.set(false);
    sampler.join();
    String load = Files.readString(Path.of("/proc/loadavg")).strip();
    String report =
        String.format(
            Locale.ROOT,
            "SCORE TRAINING from PostgreSQL: %d calls written with COPY in %.1f s; train (read +"
                + " parse + fit + store) %.1f s on %d labelled rows (%d training, %d held out);"
                + " heap used before %d MB, peak during %d MB (+%d MB); max heap %d MB; %s;"
                + " loadavg %s%n",
            calls,
            loadSeconds,
            trainSeconds,
            v.labelledRows(),
            v.trainingRows(),
            v.heldOutRows(),
            before >> 20,
            peak.get() >> 20,
            (peak.get() - before) >> 20,
            memory.getHeapMemoryUsage().getMax() >> 20,
            v.quality().shown(),
            load);
    System.out.print(report);
    Files.writeString(Path.of("target/score-training-benchmark.txt"), report);
  }

  /** One chunk into calls, call_scores and the buyer's revenue rows, as ScoreCallsFixture does. */
  private void copy(List<GeneratedCall> generated, String tag) throws Exception {
    StringBuilder callRows = new StringBuilder();
    StringBuilder scoreRows = new StringBuilder();
    StringBuilder ledgerRows = new StringBuilder();
    for (int i = 0; i < generated.size(); i++) {
      GeneratedCall c = generated.get(i);
      UUID id = UUID.randomUUID();
      Instant at = c.facts().arrivedAt();
      Instant ended = at.plusSeconds(c.ivrSeconds() + c.durationSeconds());
      callRows
          .append(id)
          .append(",CA-bench-")
          .append(tag)
          .append('-')
          .append(i)
          .append(',')
          .append(c.facts().trackingNumber())
          .append(',')
          .append(csv(c.facts().caller().number()))
          .append(",ENDED,completed,")
          .append(at)
          .append(',')
          .append(ended)
          .append(',')
          .append(c.converted())
          .append(',')
          .append(c.billable())
          .append('\n');
      scoreRows
          .append(id)
          .append(',')
          .append(at)
          .append(",50,PRIOR,prior-1,")
          .append(csv(RingtreeJson.write(c.features())))
          .append('\n');
      if (c.billable()) {
        ledgerRows
            .append(id)
            .append(",REVENUE,BUYER,buyer-")
            .append(c.facts().campaignId())
            .append(',')
            .append(c.revenue().amount().toPlainString())
            .append(",USD,fixture,bench-")
            .append(tag)
            .append('-')
            .append(i)
            .append('\n');
      }
    }
    try (Connection connection = dataSource.getConnection()) {
      var copy = connection.unwrap(PGConnection.class).getCopyAPI();
      copy.copyIn(
          "COPY calls (id, call_sid, tracking_number, caller_number, phase, provider_status,"
              + " started_at, ended_at, converted, billable_to_buyer) FROM STDIN WITH (FORMAT csv)",
          new StringReader(callRows.toString()));
      copy.copyIn(
          "COPY call_scores (call_id, scored_at, score, source, model, features) FROM STDIN"
              + " WITH (FORMAT csv)",
          new StringReader(scoreRows.toString()));
      copy.copyIn(
          "COPY ledger_entries (call_id, kind, party_type, party_id, amount, currency, rule_ref,"
              + " description) FROM STDIN WITH (FORMAT csv)",
          new StringReader(ledgerRows.toString()));
    }
  }

  private static String csv(String value) {
    return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
  }
}
