package org.ringtree.rules.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides when an auction may stop waiting for bids: as soon as every pinged target answered, or —
 * after a minimum wait — as soon as no target still pending could change the winner. A pending
 * target cannot change it when the most it could bid (its declared maximum, else the highest bid it
 * made in the look-back) does not beat the best offer in hand, or when its answer-time history says
 * it will not answer now (it answered nothing in the look-back, or it is already later than its
 * slowest answer there plus a margin). A target nothing is known about is always waited for.
 *
 * <p>Two settings let an auction accept losing a little to wait much less. The ceiling may be a
 * quantile of the past bids instead of the highest ({@link Policy#bidQuantile}). And with {@link
 * Policy#maxExpectedGain} the auction also closes when what waiting is expected to add is small:
 * for each pending target that could still beat the best offer, the chance it still answers given
 * the time already waited (of its pings not answered by now less the answer margin, the share
 * answered later), times its bid rate, times the mean amount by which its bids exceed the best
 * offer ({@link ExpectedGain}); when the sum over the pending targets is at most that share of the
 * best offer, the auction closes.
 *
 * <p>One closer serves one auction; the bid collector asks {@link #verdict} whenever an answer
 * arrives or the time it names comes. Pure: no clock, no I/O, so a simulation can drive it with a
 * virtual clock.
 */
public final class AuctionCloser {

  /**
   * How an auction closes. {@code earlyClose} off waits for every target (the behaviour before
   * early close); {@code minimumWait} is the floor before any early close; {@code answerMargin} is
   * added to a target's slowest answer before it is presumed not to answer; history counts only
   * once it holds {@code minimumSample} pings. {@code byPrice} is true when the node ranks by price
   * (ringTree); otherwise only the answer-time rule lets the auction close early. With {@code
   * oneAuction} all tiers compete on price, else a higher tier (lower number) wins whatever the
   * price. {@code bidQuantile} (0–1, default 1: the highest bid) is the quantile of a target's past
   * bids taken as the most it could bid; {@code maxExpectedGain} (a share of the best offer, e.g.
   * 0.005; null or 0: off) turns on the expected-gain rule. Both need the answer-by-answer history
   * ({@link BidHistory#samples}); a target known only by its totals is judged by its highest bid.
   */
  public record Policy(
      boolean earlyClose,
      Duration minimumWait,
      Duration answerMargin,
      int minimumSample,
      boolean byPrice,
      boolean oneAuction,
      double bidQuantile,
      BigDecimal maxExpectedGain) {
    public Policy {
      Objects.requireNonNull(minimumWait, "minimumWait");
      Objects.requireNonNull(answerMargin, "answerMargin");
      minimumSample = Math.max(1, minimumSample);
      bidQuantile = Double.isNaN(bidQuantile) ? 1 : Math.min(1, Math.max(0, bidQuantile));
      maxExpectedGain =
          maxExpectedGain == null || maxExpectedGain.signum() <= 0 ? null : maxExpectedGain;
    }

    /** The rule without the quantile ceiling or the expected-gain rule. */
    public Policy(
        boolean earlyClose,
        Duration minimumWait,
        Duration answerMargin,
        int minimumSample,
        boolean byPrice,
        boolean oneAuction) {
      this(earlyClose, minimumWait, answerMargin, minimumSample, byPrice, oneAuction, 1, null);
    }

    /** Waits for every target, as auctions did before early close. */
    public static final Policy WAIT_FOR_ALL =
        new Policy(false, Duration.ZERO, Duration.ZERO, 1, false, false);
  }

  /** An offer in hand: a fixed price or an accepted bid, at or above the node's minimum. */
  public record Offer(String targetId, String name, int tier, BigDecimal amount) {}

  /** A target pinged for this auction: its tier and what is known about it. */
  public record Prospect(String targetId, String name, int tier, BidHistory history) {
    public Prospect {
      history = history == null ? BidHistory.UNKNOWN : history;
      name = name == null ? targetId : name;
    }
  }

  /** Why an auction stopped waiting. */
  public enum Reason {
    /** Every pinged target answered (or passed its own cut-off). */
    ALL_ANSWERED,
    /** No target still pending could change the winner. */
    NONE_CAN_BEAT,
    /**
     * What the pending targets are expected to add is within the policy's share of the best offer.
     */
    GAIN_TOO_SMALL
  }

  /** A pending target the auction did not wait for, and why. */
  public record Passed(String targetId, String why) {}

  /** The closer's answer: keep waiting, or close now. */
  public sealed interface Verdict {
    /**
     * Keep waiting; ask again when an answer arrives, or at {@code recheckAt} (time since the
     * auction started; null: only when an answer arrives or a cut-off passes).
     */
    record Wait(Duration recheckAt) implements Verdict {}

    /** Close now; {@code notWaitedFor} lists the pending targets given up, each with its reason. */
    record Close(Reason reason, String why, List<Passed> notWaitedFor) implements Verdict {
      public Close {
        notWaitedFor = List.copyOf(notWaitedFor);
      }
    }
  }

  private final Policy policy;
  private final List<Offer> fixedOffers;
  private final Map<String, Prospect> prospects;
  private final BigDecimal minimum;
  private Verdict.Close closed;
  private Duration closedAt;

  /**
   * @param fixedOffers the fixed-price candidates of the node, already in hand before any ping
   * @param prospects every target pinged, with its tier and history
   * @param minimum the node's lowest acceptable offer (floor and margin): a bid below it wins
   *     nothing, so it never counts as the best in hand
   */
  public AuctionCloser(
      Policy policy, List<Offer> fixedOffers, List<Prospect> prospects, BigDecimal minimum) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.minimum = minimum == null ? BigDecimal.ZERO : minimum;
    this.fixedOffers =
        fixedOffers.stream().filter(o -> o.amount().compareTo(this.minimum) >= 0).toList();
    this.prospects = new LinkedHashMap<>();
    prospects.forEach(p -> this.prospects.put(p.targetId(), p));
  }

  /** A closer that waits for every target. */
  public static AuctionCloser waitForAll() {
    return new AuctionCloser(Policy.WAIT_FOR_ALL, List.of(), List.of(), BigDecimal.ZERO);
  }

  public Policy policy() {
    return policy;
  }

  /**
   * The verdict at {@code elapsed} since the pings were sent, given the answers so far (any status;
   * only accepted bids at or above the minimum count as offers) and the targets still pending.
   */
  public Verdict verdict(Duration elapsed, List<PingResult> answered, List<String> pending) {
    if (pending.isEmpty()) {
      return new Verdict.Close(Reason.ALL_ANSWERED, "every pinged target answered", List.of());
    }
    if (!policy.earlyClose()) {
      return new Verdict.Wait(null);
    }
    if (elapsed.compareTo(policy.minimumWait()) < 0) {
      return new Verdict.Wait(policy.minimumWait());
    }
    Offer best = best(answered);
    List<Passed> passed = new ArrayList<>();
    List<ExpectedGain> weighed = new ArrayList<>();
    for (String id : pending) {
      Prospect p = prospects.getOrDefault(id, new Prospect(id, id, 1, BidHistory.UNKNOWN));
      String notComing = notComing(p, elapsed);
      if (notComing != null) {
        passed.add(new Passed(id, p.name() + " not waited for: " + notComing));
        continue;
      }
      String cannotBeat = cannotBeat(p, best);
      if (cannotBeat != null) {
        passed.add(new Passed(id, p.name() + " not waited for: " + cannotBeat));
        continue;
      }
      ExpectedGain w = ExpectedGain.weigh(policy, p, best, elapsed);
      if (w == null) {
        // one target worth waiting for is enough to wait; the others are judged again later
        return new Verdict.Wait(earliestRecheck(pending, elapsed));
      }
      weighed.add(w);
    }
    String bestText =
        best == null
            ? "no offer in hand"
            : "the best offer in hand is " + money(best.amount()) + " (" + best.name() + ")";
    if (weighed.isEmpty()) {
      return close(
          elapsed,
          new Verdict.Close(
              Reason.NONE_CAN_BEAT,
              "no pending target could beat the best offer: " + bestText,
              passed));
    }
    BigDecimal gain = BigDecimal.ZERO;
    for (ExpectedGain w : weighed) {
      gain = gain.add(w.gain());
    }
    BigDecimal limit = best.amount().multiply(policy.maxExpectedGain());
    if (gain.compareTo(limit) > 0) {
      return new Verdict.Wait(earliestRecheck(pending, elapsed));
    }
    for (ExpectedGain w : weighed) {
      passed.add(new Passed(w.prospect().targetId(), w.why()));
    }
    return close(
        elapsed,
        new Verdict.Close(
            Reason.GAIN_TOO_SMALL,
            "waiting could not pay: the expected gain of waiting for "
                + (weighed.size() == 1
                    ? weighed.get(0).prospect().name()
                    : "the " + weighed.size() + " targets that could still beat it")
                + " is "
                + ExpectedGain.text(gain)
                + ", at most "
                + percent(policy.maxExpectedGain())
                + " of the best offer ("
                + ExpectedGain.text(limit)
                + "): "
                + bestText,
            passed));
  }

  private Verdict.Close close(Duration elapsed, Verdict.Close close) {
    closed = close;
    closedAt = elapsed;
    return close;
  }

  /**
   * The early close this closer decided, if it did, with the time it did: the route's trace says
   * why the auction stopped waiting.
   */
  public java.util.Optional<Verdict.Close> closedEarly() {
    return java.util.Optional.ofNullable(closed);
  }

  /** When it closed early (time since the pings were sent); null if it did not. */
  public Duration closedAt() {
    return closedAt;
  }

  /**
   * The earliest time a pending target's answer-time history will say it is not coming, or, with
   * the expected-gain rule, that it will add nothing (past its slowest answer).
   */
  private Duration earliestRecheck(List<String> pending, Duration elapsed) {
    Duration earliest = null;
    for (String id : pending) {
      Prospect p = prospects.get(id);
      if (p == null) {
        continue;
      }
      earliest = earlier(earliest, expectedBy(p), elapsed);
      BidSamples samples = p.history().samples();
      if (policy.maxExpectedGain() != null && samples != null && samples.answers() > 0) {
        earliest = earlier(earliest, samples.slowestAnswer().plus(policy.answerMargin()), elapsed);
      }
    }
    return earliest;
  }

  /** The earlier of {@code earliest} and {@code by}, counting {@code by} only after {@code now}. */
  private static Duration earlier(Duration earliest, Duration by, Duration now) {
    if (by == null || by.compareTo(now) <= 0) {
      return earliest;
    }
    return earliest == null || by.compareTo(earliest) < 0 ? by : earliest;
  }

  /** When a target that has answered before should have answered by; null when unknown. */
  private Duration expectedBy(Prospect p) {
    BidHistory h = p.history();
    if (h.pings() < policy.minimumSample() || h.slowestAnswer() == null) {
      return null;
    }
    return h.slowestAnswer().plus(policy.answerMargin());
  }

  /** Why the target's answer-time history says it will not answer now; null when it may. */
  private String notComing(Prospect p, Duration elapsed) {
    BidHistory h = p.history();
    if (h.pings() < policy.minimumSample()) {
      return null;
    }
    if (h.answers() == 0) {
      return "it answered none of its last " + h.pings() + " pings";
    }
    Duration by = expectedBy(p);
    if (by != null && elapsed.compareTo(by) > 0) {
      return "its slowest answer in the look-back took "
          + h.slowestAnswer().toMillis()
          + " ms, and "
          + elapsed.toMillis()
          + " ms have passed";
    }
    return null;
  }

  /** Why the target cannot beat the best offer in hand; null when it could. */
  private String cannotBeat(Prospect p, Offer best) {
    if (!policy.byPrice() || best == null) {
      return null;
    }
    if (!policy.oneAuction()) {
      if (p.tier() > best.tier()) {
        return "tier " + p.tier() + " comes after the tier " + best.tier() + " offer in hand";
      }
      if (p.tier() < best.tier()) {
        return null;
      }
    }
    BidHistory h = p.history();
    BigDecimal ceiling;
    String source;
    if (h.declaredMaximum() != null) {
      ceiling = h.declaredMaximum();
      source = "its declared maximum bid " + money(ceiling);
    } else if (h.answers() >= policy.minimumSample()
        && h.highestBid() != null
        && policy.bidQuantile() < 1
        && h.samples() != null
        && h.samples().bids() > 0) {
      ceiling = h.samples().bidQuantile(policy.bidQuantile());
      source =
          "its " + percentile(policy.bidQuantile()) + " bid in the look-back was " + money(ceiling);
    } else if (h.answers() >= policy.minimumSample()) {
      ceiling = h.highestBid() == null ? BigDecimal.ZERO : h.highestBid();
      source =
          h.highestBid() == null
              ? "it made no bid in its last " + h.answers() + " answers"
              : "its highest bid in the look-back was " + money(ceiling);
    } else {
      return null;
    }
    boolean beats =
        ceiling.compareTo(best.amount()) > 0
            || (policy.oneAuction()
                && ceiling.compareTo(best.amount()) == 0
                && p.tier() < best.tier());
    return beats ? null : source + ", not above the " + money(best.amount()) + " in hand";
  }

  /**
   * The offer that would win now: with tiers, the best price of the highest tier (lowest number)
   * that has one; in one auction, the best price, the higher tier breaking a tie.
   */
  private Offer best(List<PingResult> answered) {
    List<Offer> offers = new ArrayList<>(fixedOffers);
    for (PingResult r : answered) {
      if (r.status() == PingResult.Status.ACCEPTED
          && r.bid().isPresent()
          && r.bid().get().amount().amount().compareTo(minimum) >= 0) {
        Prospect p = prospects.get(r.targetId());
        offers.add(
            new Offer(
                r.targetId(),
                p == null ? r.targetId() : p.name(),
                p == null ? 1 : p.tier(),
                r.bid().get().amount().amount()));
      }
    }
    Comparator<Offer> byPrice =
        Comparator.comparing(Offer::amount).thenComparing(Offer::tier, Comparator.reverseOrder());
    Comparator<Offer> order =
        policy.oneAuction()
            ? byPrice
            : Comparator.comparing(Offer::tier, Comparator.reverseOrder()).thenComparing(byPrice);
    return offers.stream().max(order).orElse(null);
  }

  static String money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  private static String percent(BigDecimal share) {
    return share.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
  }

  /** 0.95 → "p95", 0.999 → "p99.9". */
  private static String percentile(double quantile) {
    return "p"
        + BigDecimal.valueOf(quantile).movePointRight(2).stripTrailingZeros().toPlainString();
  }
}
