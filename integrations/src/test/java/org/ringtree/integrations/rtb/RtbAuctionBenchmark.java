package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ringtree.integrations.testing.LoopbackServer;
import org.ringtree.integrations.testing.LoopbackServer.Reply;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.PingResult.Status;

/**
 * RTB auction overhead: 20 loopback buyers each answer after a random 5–50 ms; for every auction,
 * overhead = time until {@code collect} returns − the slowest buyer's server-side handling time
 * (receipt of the request to reply sent). Run it with {@code -Drtb.bench=true}
 * (docs/benchmarks.md).
 */
@EnabledIfSystemProperty(named = "rtb.bench", matches = "true")
class RtbAuctionBenchmark {

  private static final int BUYERS = 20;

  @Test
  void auctionOverhead() throws IOException {
    int warmUp = Integer.getInteger("rtb.bench.warmup", 200);
    int auctions = Integer.getInteger("rtb.bench.auctions", 1000);
    List<LoopbackServer> buyers = new ArrayList<>();
    List<PingTarget> targets = new ArrayList<>();
    for (int i = 0; i < BUYERS; i++) {
      String body =
          "{\"accepted\":true,\"amount\":\""
              + (10 + i)
              + ".00\",\"destination\":\"+1512555"
              + String.format("%04d", i)
              + "\",\"expiresInSeconds\":60}";
      LoopbackServer s =
          LoopbackServer.start(
              (n, r) -> Reply.json(body).after(ThreadLocalRandom.current().nextLong(5, 51)));
      buyers.add(s);
      targets.add(
          new PingTarget(
              "buyer-" + i,
              new Destination.RtbEndpoint(
                  s.url("/bid"), 2000, BidResponseFormat.RINGTREE, Map.of())));
    }
    BidRequest request =
        new BidRequest(
            "call-bench",
            "camp",
            "pub",
            "+15125550111",
            "TX",
            "78701",
            "Austin",
            "512",
            "US",
            Map.of("vertical", "insurance"),
            Instant.now());

    DefaultCamelContext camel = new DefaultCamelContext();
    CamelBidCollector collector = new CamelBidCollector(camel);
    camel.start();
    long[] overheadMicros = new long[auctions];
    long[] totalMicros = new long[auctions];
    long[] afterLastPingMicros = new long[auctions];
    try {
      for (int a = 0; a < warmUp + auctions; a++) {
        long t0 = System.nanoTime();
        List<PingResult> results = collector.collect(request, targets, Duration.ofMillis(2000));
        long total = System.nanoTime() - t0;
        assertThat(results).allMatch(r -> r.status() == Status.ACCEPTED, "all buyers bid in time");
        int round = a;
        long slowestServer =
            buyers.stream().mapToLong(b -> b.handlingNanos().get(round)).max().orElseThrow();
        long slowestPing =
            results.stream().mapToLong(r -> r.latency().toNanos()).max().orElseThrow();
        if (a >= warmUp) {
          overheadMicros[a - warmUp] = (total - slowestServer) / 1000;
          totalMicros[a - warmUp] = total / 1000;
          afterLastPingMicros[a - warmUp] = (total - slowestPing) / 1000;
        }
      }
    } finally {
      collector.close();
      camel.stop();
      buyers.forEach(LoopbackServer::close);
    }

    String report =
        String.format(
            Locale.ROOT,
            "RTB auction, %d buyers replying in 5-50 ms, %d auctions after %d warm-up, %d cores, %s%n"
                + "overhead (result - slowest buyer's reply)  %s%n"
                + "after the slowest ping's response arrived %s%n"
                + "auction total                             %s%n",
            BUYERS,
            auctions,
            warmUp,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
            stats(overheadMicros),
            stats(afterLastPingMicros),
            stats(totalMicros));
    System.out.print(report);
    Files.writeString(Path.of("target", "rtb-auction-benchmark.txt"), report);
  }

  private static String stats(long[] micros) {
    long[] s = micros.clone();
    Arrays.sort(s);
    return String.format(
        Locale.ROOT,
        "p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms",
        pct(s, 50) / 1000.0,
        pct(s, 90) / 1000.0,
        pct(s, 99) / 1000.0,
        s[s.length - 1] / 1000.0);
  }

  private static long pct(long[] sorted, double p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }
}
