package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ringtree.integrations.testing.LoopbackServer;
import org.ringtree.integrations.testing.LoopbackServer.Reply;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.routing.AuctionCloser;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.BidHistory;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.PingResult.Status;

/**
 * Early close over real HTTP, the small sample next to the simulation (docs/benchmarks.md, "Auction
 * early close"): 20 loopback buyers whose typical answer times are spread evenly from 20 ms to 2 s
 * (each answer 80–100% of it), bidding as in {@code AuctionCloseSimulation}. First {@code
 * auction.bench.auctions} auctions wait for all (and build each buyer's history), then as many
 * close early; for those, the late answers are awaited too, so each early auction's revenue is
 * compared with what waiting for all would have earned on the same answers. Each buyer's history is
 * kept answer by answer, as the runtime keeps it, so the expected-gain rule ({@code
 * -Dauction.bench.maxExpectedGain}, default 0.011 as in the runtime; 0: off) applies. Run with
 * {@code -Drtb.bench=true}.
 */
@EnabledIfSystemProperty(named = "rtb.bench", matches = "true")
class AuctionEarlyCloseBenchmark {

  private static final int BUYERS = 20;
  private static final Duration DEADLINE = Duration.ofMillis(2500);
  // the runtime's defaults; -Dauction.bench.maxExpectedGain=0 measures the highest-bid rule alone
  private static final BigDecimal MAX_EXPECTED_GAIN =
      new BigDecimal(System.getProperty("auction.bench.maxExpectedGain", "0.011"));
  private static final AuctionCloser.Policy POLICY =
      new AuctionCloser.Policy(
          true,
          Duration.ofMillis(100),
          Duration.ofMillis(100),
          5,
          true,
          true,
          1,
          MAX_EXPECTED_GAIN);

  /**
   * What the auctions have seen of one buyer, answer by answer, as the runtime reads it from the
   * routing trace ({@code RoutingHistoryStore.bidHistory}).
   */
  private static final class Seen {
    long pings;
    final List<Duration> answerTimes = new ArrayList<>();
    final List<BigDecimal> bids = new ArrayList<>();

    void add(PingResult r) {
      pings++;
      if (r.status() == Status.ACCEPTED || r.status() == Status.DECLINED) {
        answerTimes.add(r.latency());
      }
      r.bid().ifPresent(b -> bids.add(b.amount().amount()));
    }

    BidHistory history() {
      return BidHistory.ofSamples(pings, answerTimes, bids);
    }
  }

  @Test
  void earlyCloseOverLoopbackHttp() throws Exception {
    int auctions = Integer.getInteger("auction.bench.auctions", 30);
    SplittableRandom market = new SplittableRandom(2);
    List<LoopbackServer> servers = new ArrayList<>();
    List<PingTarget> targets = new ArrayList<>();
    Map<String, Seen> seen = new HashMap<>();
    for (int i = 0; i < BUYERS; i++) {
      long typical = 20 + Math.round(i * (1980.0 / (BUYERS - 1)));
      double value = 10 + market.nextDouble() * 50;
      LoopbackServer s =
          LoopbackServer.start(
              (n, r) -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long after = Math.round(typical * (0.8 + 0.2 * random.nextDouble()));
                if (random.nextDouble() >= 0.7) {
                  return Reply.json("{\"accepted\":false,\"reason\":\"not now\"}").after(after);
                }
                String amount =
                    BigDecimal.valueOf(value * (0.8 + 0.4 * random.nextDouble()))
                        .setScale(2, RoundingMode.HALF_EVEN)
                        .toPlainString();
                return Reply.json(
                        "{\"accepted\":true,\"amount\":\""
                            + amount
                            + "\",\"destination\":\"+15125550100\"}")
                    .after(after);
              });
      servers.add(s);
      targets.add(
          new PingTarget(
              "buyer-" + i,
              new Destination.RtbEndpoint(
                  s.url("/bid"), (int) DEADLINE.toMillis(), BidResponseFormat.RINGTREE, Map.of())));
      seen.put("buyer-" + i, new Seen());
    }
    BidRequest request =
        new BidRequest(
            "bench",
            "camp",
            "pub",
            null,
            "TX",
            "78701",
            "Austin",
            "512",
            "US",
            Map.of(),
            Instant.now());
    DefaultCamelContext camel = new DefaultCamelContext();
    CamelBidCollector collector =
        new CamelBidCollector(camel, new BidResponseParser(), PingRateLimiter.unlimited(), r -> {});
    camel.start();
    long[] waitAll = new long[auctions];
    long[] waitEarly = new long[auctions];
    BigDecimal revenueEarly = BigDecimal.ZERO;
    BigDecimal revenueHad = BigDecimal.ZERO;
    BigDecimal revenueAll = BigDecimal.ZERO;
    int closedEarly = 0;
    try {
      collector.collect(request, targets.subList(0, 1), DEADLINE); // loads the HTTP stack
      for (int n = 0; n < auctions; n++) {
        long t0 = System.nanoTime();
        List<PingResult> results = collector.collect(request, targets, DEADLINE);
        waitAll[n] = (System.nanoTime() - t0) / 1_000_000;
        results.forEach(r -> seen.get(r.targetId()).add(r));
        revenueAll = revenueAll.add(best(results));
      }
      for (int n = 0; n < auctions; n++) {
        List<AuctionCloser.Prospect> prospects = new ArrayList<>();
        targets.forEach(
            t ->
                prospects.add(
                    new AuctionCloser.Prospect(
                        t.targetId(), null, 1, seen.get(t.targetId()).history())));
        AuctionCloser closer = new AuctionCloser(POLICY, List.of(), prospects, BigDecimal.ZERO);
        List<PingResult> late = new CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();
        List<PingResult> results = collector.collect(request, targets, DEADLINE, closer, late::add);
        waitEarly[n] = (System.nanoTime() - t0) / 1_000_000;
        long notWaited = results.stream().filter(r -> r.status() == Status.NOT_WAITED).count();
        closedEarly += notWaited > 0 ? 1 : 0;
        long until = System.nanoTime() + DEADLINE.toNanos() + 1_000_000_000L;
        while (late.size() < notWaited && System.nanoTime() < until) {
          Thread.sleep(10);
        }
        List<PingResult> everything = new ArrayList<>(results);
        everything.removeIf(r -> r.status() == Status.NOT_WAITED);
        everything.addAll(late);
        everything.forEach(r -> seen.get(r.targetId()).add(r));
        revenueEarly = revenueEarly.add(best(results));
        revenueHad = revenueHad.add(best(everything));
      }
    } finally {
      collector.close();
      camel.stop();
      servers.forEach(LoopbackServer::close);
    }
    String report =
        String.format(
            Locale.ROOT,
            "Auction early close over loopback HTTP, %d buyers answering in 20-2000 ms, %d auctions"
                + " each way, max-expected-gain %s, %s%n"
                + "wait for all   collect p50 %5d ms  p99 %5d ms  revenue %s%n"
                + "early close    collect p50 %5d ms  p99 %5d ms  revenue %s, waiting for all on"
                + " the same answers %s (given up %s%%), closed early %d of %d%n",
            BUYERS,
            auctions,
            MAX_EXPECTED_GAIN.signum() == 0 ? "off" : MAX_EXPECTED_GAIN.toPlainString(),
            System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
            percentile(waitAll, 50),
            percentile(waitAll, 99),
            revenueAll.toPlainString(),
            percentile(waitEarly, 50),
            percentile(waitEarly, 99),
            revenueEarly.toPlainString(),
            revenueHad.toPlainString(),
            revenueHad.signum() == 0
                ? "0"
                : revenueHad
                    .subtract(revenueEarly)
                    .multiply(BigDecimal.valueOf(100))
                    .divide(revenueHad, 3, RoundingMode.HALF_EVEN)
                    .toPlainString(),
            closedEarly,
            auctions);
    System.err.print(report);
    Path out = Path.of("target", "auction-early-close-benchmark.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    assertThat(revenueHad).isGreaterThanOrEqualTo(revenueEarly);
  }

  private static BigDecimal best(List<PingResult> results) {
    return results.stream()
        .filter(r -> r.status() == Status.ACCEPTED)
        .map(r -> r.bid().orElseThrow().amount().amount())
        .max(BigDecimal::compareTo)
        .orElse(BigDecimal.ZERO);
  }

  private static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
