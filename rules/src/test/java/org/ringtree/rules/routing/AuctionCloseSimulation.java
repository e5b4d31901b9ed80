package org.ringtree.rules.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.money.Money;

/**
 * Wait-for-all versus early close over simulated auctions, driven through the real {@link
 * AuctionCloser} on a virtual clock (docs/benchmarks.md, "Auction early close"). 20 buyers: buyer i
 * answers after 80–100% of its own typical time, the typical times spread evenly from 20 ms to 2 s;
 * each bids with probability 0.7, an amount of its own value × U(0.8, 1.2), the values drawn once
 * per market from U(10, 60) USD. The bid history is each buyer's last {@code HISTORY} auctions
 * (late answers included, as the runtime records them). The time from the route node to the Dial is
 * the auction's wait: the decision's own cost is in the RTB auction benchmark. Run with {@code
 * -Dauction.sim=true}; {@code -Dauction.sim.bidQuantile=0.95} and {@code
 * -Dauction.sim.maxExpectedGain=0.002} set the closer's quantile ceiling and expected-gain rule
 * (off by default: the highest bid in the look-back is the ceiling); each takes a comma-separated
 * list, and every combination gets its own table.
 */
@EnabledIfSystemProperty(named = "auction.sim", matches = "true")
class AuctionCloseSimulation {

  private static final int BUYERS = 20;
  private static final int HISTORY = 500;
  private static final int WARM_UP = 500;
  private static final long DEADLINE_MS = 2000;

  private static AuctionCloser.Policy policy(double bidQuantile, BigDecimal maxExpectedGain) {
    return new AuctionCloser.Policy(
        true,
        Duration.ofMillis(100),
        Duration.ofMillis(100),
        5,
        true,
        true,
        bidQuantile,
        maxExpectedGain);
  }

  /** One buyer's answer in one auction: when, and its bid (null: declined). */
  private record Answer(int buyer, long atMillis, BigDecimal bid) {}

  /** The outcome of one auction under one closing rule. */
  private record Outcome(long waitMillis, BigDecimal revenue) {}

  @Test
  void earlyCloseAgainstWaitingForAll() throws IOException {
    int auctions = Integer.getInteger("auction.sim.auctions", 10_000);
    int markets = Integer.getInteger("auction.sim.markets", 5);
    StringBuilder report = new StringBuilder();
    for (String quantile : System.getProperty("auction.sim.bidQuantile", "1").split(",")) {
      for (String gain : System.getProperty("auction.sim.maxExpectedGain", "0").split(",")) {
        AuctionCloser.Policy policy =
            policy(Double.parseDouble(quantile.trim()), new BigDecimal(gain.trim()));
        report.append(table(policy, auctions, markets));
      }
    }
    System.err.print(report);
    Path out = Path.of("target", "auction-close-simulation.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
    assertThat(report).isNotEmpty();
  }

  private String table(AuctionCloser.Policy policy, int auctions, int markets) {
    StringBuilder report = new StringBuilder();
    report.append(
        String.format(
            Locale.ROOT,
            "Auction early close, %d buyers answering in 20-2000 ms, values %s, %d auctions per"
                + " market after %d warm-up, minimum wait %d ms, answer margin %d ms, look-back %d"
                + " auctions, ceiling = %s of the look-back's bids, expected-gain rule %s%n",
            BUYERS,
            Boolean.getBoolean("auction.sim.sharedValue")
                ? "all 35 USD"
                : "U(10, 60) USD per buyer",
            auctions,
            WARM_UP,
            policy.minimumWait().toMillis(),
            policy.answerMargin().toMillis(),
            HISTORY,
            policy.bidQuantile() == 1 ? "the highest" : "quantile " + policy.bidQuantile(),
            policy.maxExpectedGain() == null
                ? "off"
                : "at " + policy.maxExpectedGain().toPlainString() + " of the best offer"));
    report.append(
        "market  wait-all p50/p99 ms   early p50/p99 ms   revenue wait-all      early     given"
            + " up  halving costs\n");
    for (int market = 1; market <= markets; market++) {
      report.append(run(policy, market, auctions));
    }
    return report.toString();
  }

  private String run(AuctionCloser.Policy policy, long marketSeed, int auctions) {
    SplittableRandom market = new SplittableRandom(marketSeed);
    long[] typical = new long[BUYERS];
    BigDecimal[] value = new BigDecimal[BUYERS];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < BUYERS; i++) {
      typical[i] = 20 + Math.round(i * (1980.0 / (BUYERS - 1)));
      double own = 10 + market.nextDouble() * 50;
      // -Dauction.sim.sharedValue=true: every buyer bids around the same 35 USD
      value[i] = BigDecimal.valueOf(Boolean.getBoolean("auction.sim.sharedValue") ? 35 : own);
      order.add(i);
    }
    List<Seen> seen = new ArrayList<>();
    for (int i = 0; i < BUYERS; i++) {
      seen.add(new Seen());
    }
    SplittableRandom random = new SplittableRandom(1000 + marketSeed);
    long[] waitAll = new long[auctions];
    long[] waitEarly = new long[auctions];
    BigDecimal revenueAll = BigDecimal.ZERO;
    BigDecimal revenueEarly = BigDecimal.ZERO;
    List<List<Answer>> kept = new ArrayList<>();
    for (int n = -WARM_UP; n < auctions; n++) {
      List<Answer> answers = new ArrayList<>();
      for (int i = 0; i < BUYERS; i++) {
        long at = Math.round(typical[i] * (0.8 + 0.2 * random.nextDouble()));
        BigDecimal bid =
            random.nextDouble() < 0.7
                ? value[i]
                    .multiply(BigDecimal.valueOf(0.8 + 0.4 * random.nextDouble()))
                    .setScale(2, RoundingMode.HALF_EVEN)
                : null;
        answers.add(new Answer(i, at, bid));
      }
      Outcome all = waitForAll(answers);
      Outcome early = earlyClose(policy, answers, seen);
      for (Answer a : answers) {
        seen.get(a.buyer()).add(a);
      }
      if (n >= 0) {
        waitAll[n] = all.waitMillis();
        waitEarly[n] = early.waitMillis();
        revenueAll = revenueAll.add(all.revenue());
        revenueEarly = revenueEarly.add(early.revenue());
        kept.add(answers);
      }
    }
    BigDecimal givenUp =
        revenueAll
            .subtract(revenueEarly)
            .multiply(BigDecimal.valueOf(100))
            .divide(revenueAll, 3, RoundingMode.HALF_EVEN);
    BigDecimal halvingCost =
        halvingCost(kept, percentile(waitAll, 50) / 2, value)
            .multiply(BigDecimal.valueOf(100))
            .divide(revenueAll, 3, RoundingMode.HALF_EVEN);
    return String.format(
        Locale.ROOT,
        "%6d  %8d / %-8d    %6d / %-8d  %12s %12s %7s%%  %8s%%%n",
        marketSeed,
        percentile(waitAll, 50),
        percentile(waitAll, 99),
        percentile(waitEarly, 50),
        percentile(waitEarly, 99),
        revenueAll.toPlainString(),
        revenueEarly.toPlainString(),
        givenUp.toPlainString(),
        halvingCost.toPlainString());
  }

  /**
   * The least revenue a closer must expect to give up to halve the median wait, even one that knew
   * each buyer's true bid distribution (not only its history): at {@code half}, what waiting for
   * the buyers still pending is expected to add to the best bid in hand, E[max(best, their bids)] -
   * best, summed over the half of the auctions where it is smallest (close those at {@code half},
   * wait for all in the others). A statistic of the simulation, so in double: the integral of 1 -
   * P(max <= x) from the best in hand up, by the midpoint rule in steps of 0.01 USD.
   */
  private static BigDecimal halvingCost(
      List<List<Answer>> auctions, long half, BigDecimal[] value) {
    double[] losses = new double[auctions.size()];
    for (int n = 0; n < losses.length; n++) {
      double best = 0;
      List<Double> pendingValues = new ArrayList<>();
      for (Answer a : auctions.get(n)) {
        if (a.atMillis() > half) {
          pendingValues.add(value[a.buyer()].doubleValue());
        } else if (a.bid() != null) {
          best = Math.max(best, a.bid().doubleValue());
        }
      }
      double top = 0;
      for (double v : pendingValues) {
        top = Math.max(top, 1.2 * v);
      }
      double loss = 0;
      for (double x = best + 0.005; x < top; x += 0.01) {
        double allBelow = 1;
        for (double v : pendingValues) {
          // a bid with probability 0.7, of v × U(0.8, 1.2)
          allBelow *= 0.3 + 0.7 * Math.min(1, Math.max(0, (x / v - 0.8) / 0.4));
        }
        loss += (1 - allBelow) * 0.01;
      }
      losses[n] = loss;
    }
    Arrays.sort(losses);
    double cost = 0;
    for (int i = 0; i < (losses.length + 1) / 2; i++) {
      cost += losses[i];
    }
    return BigDecimal.valueOf(cost);
  }

  private static Outcome waitForAll(List<Answer> answers) {
    long last = 0;
    BigDecimal best = BigDecimal.ZERO;
    for (Answer a : answers) {
      if (a.atMillis() <= DEADLINE_MS) {
        last = Math.max(last, a.atMillis());
        if (a.bid() != null && a.bid().compareTo(best) > 0) {
          best = a.bid();
        }
      }
    }
    return new Outcome(last, best);
  }

  /** The collector's loop on a virtual clock: ask the closer at each answer and when it says. */
  private static Outcome earlyClose(
      AuctionCloser.Policy policy, List<Answer> answers, List<Seen> seen) {
    List<AuctionCloser.Prospect> prospects = new ArrayList<>();
    for (Answer a : answers) {
      prospects.add(
          new AuctionCloser.Prospect(
              "b" + a.buyer(), null, 1, seen.get(a.buyer()).history(policy)));
    }
    AuctionCloser closer = new AuctionCloser(policy, List.of(), prospects, BigDecimal.ZERO);
    List<Answer> byTime = new ArrayList<>(answers);
    byTime.sort((x, y) -> Long.compare(x.atMillis(), y.atMillis()));
    List<PingResult> answered = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    answers.forEach(a -> pending.add("b" + a.buyer()));
    long now = 0;
    int next = 0;
    while (true) {
      AuctionCloser.Verdict v = closer.verdict(Duration.ofMillis(now), answered, pending);
      if (v instanceof AuctionCloser.Verdict.Close) {
        break;
      }
      Duration recheck = ((AuctionCloser.Verdict.Wait) v).recheckAt();
      long nextAnswer = next < byTime.size() ? byTime.get(next).atMillis() : Long.MAX_VALUE;
      long wake = Math.min(nextAnswer, recheck == null ? Long.MAX_VALUE : recheck.toMillis());
      wake = Math.min(wake, DEADLINE_MS);
      if (wake >= DEADLINE_MS && nextAnswer > DEADLINE_MS) {
        now = DEADLINE_MS;
        break;
      }
      now = Math.max(now, wake);
      while (next < byTime.size() && byTime.get(next).atMillis() <= now) {
        Answer a = byTime.get(next++);
        pending.remove("b" + a.buyer());
        answered.add(result(a));
      }
    }
    BigDecimal best = BigDecimal.ZERO;
    for (PingResult r : answered) {
      if (r.bid().isPresent() && r.bid().get().amount().amount().compareTo(best) > 0) {
        best = r.bid().get().amount().amount();
      }
    }
    return new Outcome(now, best);
  }

  /**
   * One buyer's last {@code HISTORY} answers (late ones included, as the runtime records them), in
   * arrival order and sorted, so its history is built in linear time each auction.
   */
  private static final class Seen {
    private final Deque<Answer> order = new ArrayDeque<>();
    private final List<Duration> times = new ArrayList<>();
    private final List<BigDecimal> bids = new ArrayList<>();

    void add(Answer a) {
      order.addLast(a);
      insert(times, Duration.ofMillis(a.atMillis()));
      if (a.bid() != null) {
        insert(bids, a.bid());
      }
      if (order.size() > HISTORY) {
        Answer old = order.removeFirst();
        times.remove(Collections.binarySearch(times, Duration.ofMillis(old.atMillis())));
        if (old.bid() != null) {
          bids.remove(Collections.binarySearch(bids, old.bid()));
        }
      }
    }

    private static <T extends Comparable<T>> void insert(List<T> sorted, T value) {
      int at = Collections.binarySearch(sorted, value);
      sorted.add(at < 0 ? -at - 1 : at, value);
    }

    BidHistory history(AuctionCloser.Policy policy) {
      if (policy.bidQuantile() == 1 && policy.maxExpectedGain() == null) {
        // the rule as first specified reads only the totals, as the runtime's history does
        return new BidHistory(
            null,
            order.size(),
            order.size(),
            bids.isEmpty() ? null : bids.get(bids.size() - 1),
            times.isEmpty() ? null : times.get(times.size() - 1));
      }
      return BidHistory.ofSamples(order.size(), times, bids);
    }
  }

  private static PingResult result(Answer a) {
    if (a.bid() == null) {
      return new PingResult(
          "b" + a.buyer(),
          PingResult.Status.DECLINED,
          Optional.empty(),
          200,
          Duration.ofMillis(a.atMillis()),
          "declined");
    }
    return new PingResult(
        "b" + a.buyer(),
        PingResult.Status.ACCEPTED,
        Optional.of(
            new Bid(
                "b" + a.buyer(),
                null,
                new Money(a.bid(), Money.USD),
                new Destination.PhoneNumber("+15125550100"),
                null)),
        200,
        Duration.ofMillis(a.atMillis()),
        "bid");
  }

  private static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
