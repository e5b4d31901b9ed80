package org.ringtree.runtime.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Cap reservations per second in PostgreSQL: each hold is one transaction with conditional upserts
 * on the target's and buyer's counters (concurrency + daily + buyer daily) plus the reservation
 * row; each release gives them back. Run with -Dcaps.bench=true (see docs/benchmarks.md).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "ringtree.demo.seed=false")
@EnabledIfSystemProperty(named = "caps.bench", matches = "true")
class CapacityBenchmark extends PostgresTest {

  @Autowired CapacityStore capacity;

  @Test
  void holdsAndReleasesPerSecond() throws Exception {
    int threads = Integer.getInteger("caps.bench.threads", 16);
    int perThread = Integer.getInteger("caps.bench.holds", 2_000);
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      targets.add(
          new Target(
              "t" + i,
              "Target " + i,
              "b" + (i % 5),
              new org.ringtree.rules.directory.Destination.PhoneNumber("+1512555010" + (i % 10)),
              Money.usd("50"),
              1,
              1,
              null,
              null,
              List.of(),
              new Caps(Caps.CountOn.CONNECTIONS, 1_000_000, null, 100_000_000, null, null),
              null,
              true));
    }
    Buyer buyer = new Buyer("b", "Buyer", Caps.daily(100_000_000));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long[] nanos = new long[threads * perThread];
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * perThread;
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < perThread; i++) {
                  Target target = targets.get((offset + i) % targets.size());
                  long t0 = System.nanoTime();
                  var hold =
                      capacity.tryHold(
                          UUID.randomUUID(),
                          target,
                          buyer,
                          null,
                          Instant.now(),
                          Duration.ofMinutes(1),
                          "bench");
                  nanos[offset + i] = System.nanoTime() - t0;
                  capacity.release(((CapacityStore.Hold.Held) hold).reservationId());
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "CAPS %d threads, %d holds+releases in %.1f s: %.0f holds/s (each with a release);"
            + " hold latency p50 %.2f ms p99 %.2f ms%n",
        threads,
        nanos.length,
        seconds,
        nanos.length / seconds,
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.99)] / 1e6);
  }
}
