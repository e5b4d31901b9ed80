package org.ringtree.runtime.routing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.LiveSettings;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.engine.RouteRequest;
import org.ringtree.rules.routing.AuctionCloser;
import org.ringtree.rules.routing.AuctionSettings;
import org.ringtree.rules.routing.BidCollector;
import org.ringtree.rules.routing.BidHistory;
import org.ringtree.rules.routing.BidPoster;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.Candidate;
import org.ringtree.rules.routing.PerformanceStats;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.trace.Justification;
import org.ringtree.runtime.directory.LiveDirectory;
import org.ringtree.runtime.observability.BusinessMetrics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Runs a route node for a call: live usage from PostgreSQL, the engine's decision (eligibility,
 * pings, ranking), then capacity held atomically for one candidate at a time as it is dialled.
 * Everything it decides comes back as trace entries for the call's record.
 */
@Service
public class Router {

  private final DecisionEngine engine;
  private final BidCollector bids;
  private final CapacityStore capacity;
  private final RoutingHistoryStore history;
  private final BidHistoryCache bidHistories;
  private final Clock clock;
  private final String nodeName;
  private final Duration holdMargin;
  private final Duration performanceLookback;
  private final BusinessMetrics metrics;
  private final LiveDirectory live;
  private final AuctionCloseSettings auction;
  private final ApplicationEventPublisher events;
  private final BidPosts posts;

  Router(
      DecisionEngine engine,
      BidCollector bids,
      CapacityStore capacity,
      RoutingHistoryStore history,
      BidHistoryCache bidHistories,
      Clock clock,
      @Value("${ringtree.node-name:${HOSTNAME:local}}") String nodeName,
      @Value("${ringtree.routing.hold-margin:60s}") Duration holdMargin,
      @Value("${ringtree.routing.performance-lookback:30d}") Duration performanceLookback,
      BusinessMetrics metrics,
      LiveDirectory live,
      AuctionCloseSettings auction,
      ApplicationEventPublisher events,
      BidPoster poster) {
    this.posts = new BidPosts(poster);
    this.auction = auction;
    this.events = events;
    this.metrics = metrics;
    this.live = live;
    this.engine = engine;
    this.bids = bids;
    this.capacity = capacity;
    this.history = history;
    this.bidHistories = bidHistories;
    this.clock = clock;
    this.nodeName = nodeName;
    this.holdMargin = holdMargin;
    this.performanceLookback = performanceLookback;
  }

  /** What the call does next at a route node: dial a leg, or nobody can take it. */
  public record Attempt(DialPlan plan, CallInstruction.Dial dial, List<TraceEntry> trace) {
    public boolean dialling() {
      return dial != null;
    }
  }

  /**
   * Decides the route node the call waits at and dials the first candidate that has capacity. The
   * buyer pings close at the node's own auction deadline or when {@code timeLeft} (what is left of
   * the webhook's answer budget) runs out, whichever comes first.
   */
  public Attempt route(
      UUID callId,
      CallState state,
      RouteRequest request,
      DirectorySnapshot dir,
      Duration timeLeft) {
    Instant now = clock.instant();
    // pause and caps as they are now, not as the version was compiled (docs/compliance.md)
    LiveSettings settings = live.current();
    List<Target> targets =
        request.targetIds().stream()
            .map(dir::target)
            .flatMap(java.util.Optional::stream)
            .map(settings::apply)
            .toList();
    Map<String, Buyer> buyers = new LinkedHashMap<>();
    targets.forEach(
        t -> dir.buyer(t.buyerId()).ifPresent(b -> buyers.put(b.id(), settings.apply(b))));
    CapacityStore.PublisherQuota quota = quota(state, dir);
    RouteContext context =
        new RouteContext(
            state.facts(),
            capacity.usage(targets, buyers, quota, now),
            performance(targets, now),
            nextRotation(engine.flowId(state.versionKey()), request.nodeId()),
            callId.getMostSignificantBits(),
            now,
            settings,
            auctionSettings(targets, now));
    List<TraceEntry> trace = new ArrayList<>();
    // when the route node's deadline ends, once its auction starts: ping-post posts fit inside it
    long[] routeDeadline = {Long.MIN_VALUE};
    // an answer after the auction closed still goes into the call's trace, for the bid history
    Consumer<PingResult> late =
        answer -> events.publishEvent(new LateAnswerArrived(callId, request.nodeId(), answer));
    BidCollector budgeted =
        new BidCollector() {
          @Override
          public List<PingResult> collect(
              BidRequest bidRequest, List<PingTarget> toPing, Duration auctionDeadline) {
            return collect(bidRequest, toPing, auctionDeadline, AuctionCloser.waitForAll(), late);
          }

          @Override
          public List<PingResult> collect(
              BidRequest bidRequest,
              List<PingTarget> toPing,
              Duration auctionDeadline,
              AuctionCloser closer,
              Consumer<PingResult> ignored) {
            routeDeadline[0] =
                System.nanoTime()
                    + (auctionDeadline.compareTo(timeLeft) <= 0 ? auctionDeadline : timeLeft)
                        .toNanos();
            if (auctionDeadline.compareTo(timeLeft) <= 0) {
              return counted(bids.collect(bidRequest, toPing, auctionDeadline, closer, late));
            }
            trace.add(
                TraceEntry.of(
                    request.nodeId(),
                    null,
                    TraceKind.ROUTE,
                    TraceOutcome.DEADLINE_CUT,
                    "auction closes after "
                        + timeLeft.toMillis()
                        + " ms instead of "
                        + auctionDeadline.toMillis()
                        + " ms: the rest of the webhook's answer budget"));
            return counted(bids.collect(bidRequest, toPing, timeLeft, closer, late));
          }
        };
    RouteDecision decision = engine.route(state, context, budgeted);
    trace.addAll(trace(decision));
    List<DialPlan.Leg> legs = new ArrayList<>();
    for (Candidate c : decision.ranked()) {
      legs.add(
          new DialPlan.Leg(
              c.targetId(),
              c.buyerId(),
              c.name(),
              c.dialable(),
              c.price() == null ? null : c.price().amount(),
              c.price() == null ? null : c.price().currency(),
              c.priceSource().name(),
              c.bid() == null ? null : c.bid().bidId(),
              c.bid() == null ? null : c.bid().expiresAt(),
              c.bid() == null || c.bid().conversionTimer() == null
                  ? null
                  : Math.toIntExact(c.bid().conversionTimer().toSeconds())));
    }
    DialPlan plan =
        new DialPlan(
            request.nodeId(),
            legs,
            0,
            -1,
            null,
            request.dialTimeoutSeconds(),
            request.record(),
            request.maxAttempts(),
            0);
    Attempt attempt =
        dialNext(
            callId, plan, dir, state, routeDeadline[0] == Long.MIN_VALUE ? null : routeDeadline[0]);
    trace.addAll(attempt.trace());
    return new Attempt(attempt.plan(), attempt.dial(), trace);
  }

  /**
   * Dials the next candidate of the plan that still has capacity and a live bid, unless the node's
   * "Candidates to try" have all been dialled (a candidate skipped without dialling is not an
   * attempt, as in the simulator).
   */
  public Attempt dialNext(UUID callId, DialPlan plan, DirectorySnapshot dir, CallState state) {
    return dialNext(callId, plan, dir, state, null);
  }

  /**
   * As {@link #dialNext(UUID, DialPlan, DirectorySnapshot, CallState)}; a ping-post target's bid is
   * posted first and dialled only once confirmed, its post ending by {@code deadlineNanos} (the
   * route node's deadline, {@link System#nanoTime()}; null after the route step: the post's own
   * timeout).
   */
  private Attempt dialNext(
      UUID callId, DialPlan plan, DirectorySnapshot dir, CallState state, Long deadlineNanos) {
    List<TraceEntry> trace = new ArrayList<>();
    Instant now = clock.instant();
    if (plan.attemptsUsed() && plan.next() < plan.legs().size()) {
      trace.add(
          TraceEntry.of(
              plan.nodeId(),
              null,
              TraceKind.ROUTE,
              TraceOutcome.EXHAUSTED,
              "tried "
                  + plan.attempts()
                  + " of "
                  + plan.legs().size()
                  + " candidates, the node's limit: taking the fallback"));
      return new Attempt(plan.exhausted(), null, trace);
    }
    for (int i = plan.next(); i < plan.legs().size(); i++) {
      DialPlan.Leg leg = plan.legs().get(i);
      if (leg.bidExpiresAt() != null && !now.isBefore(leg.bidExpiresAt())) {
        trace.add(
            TraceEntry.of(
                plan.nodeId(),
                leg.targetId(),
                TraceKind.DIAL,
                TraceOutcome.SKIPPED,
                leg.name() + " skipped: bid expired at " + leg.bidExpiresAt()));
        continue;
      }
      LiveSettings settings = live.current();
      Target target = dir.target(leg.targetId()).map(settings::apply).orElse(null);
      if (target == null) {
        trace.add(
            TraceEntry.of(
                plan.nodeId(),
                leg.targetId(),
                TraceKind.DIAL,
                TraceOutcome.SKIPPED,
                "target no longer in the directory"));
        continue;
      }
      if (!target.active() || settings.buyerPaused(target.buyerId())) {
        trace.add(
            TraceEntry.of(
                plan.nodeId(),
                leg.targetId(),
                TraceKind.DIAL,
                TraceOutcome.SKIPPED,
                leg.name()
                    + " skipped: "
                    + (target.active() ? "its buyer" : "the target")
                    + " was paused after the route was decided"));
        continue;
      }
      Buyer buyer = dir.buyer(leg.buyerId()).map(settings::apply).orElse(null);
      Duration hold = Duration.ofSeconds(plan.timeoutSeconds()).plus(holdMargin);
      CapacityStore.Hold held =
          capacity.tryHold(callId, target, buyer, quota(state, dir), now, hold, nodeName);
      if (held instanceof CapacityStore.Hold.Full full) {
        trace.add(
            TraceEntry.of(
                plan.nodeId(),
                leg.targetId(),
                TraceKind.DIAL,
                TraceOutcome.SKIPPED,
                leg.name() + " skipped: " + full.reason() + " reached when dialling"));
        continue;
      }
      UUID reservation = ((CapacityStore.Hold.Held) held).reservationId();
      if (posts.needsPost(leg, target)) {
        // capacity is held while the buyer decides, so a confirmed post is always dialled
        BidPosts.Outcome posted =
            posts.post(plan.nodeId(), leg, target, buyer, state, deadlineNanos);
        trace.addAll(posted.trace());
        if (posted.dial() == null) {
          capacity.release(reservation);
          continue;
        }
        leg = leg.dialling(posted.dial());
        plan = plan.withLeg(i, leg);
      }
      trace.add(
          new TraceEntry(
              plan.nodeId(),
              leg.targetId(),
              TraceKind.DIAL,
              TraceOutcome.DIALLING,
              "dialling "
                  + leg.name()
                  + (leg.price() == null ? "" : " at " + leg.price() + " " + leg.currency()),
              leg.price(),
              null,
              null,
              Map.of("attempt", i + 1)));
      return new Attempt(
          plan.ringing(i, reservation),
          new CallInstruction.Dial(
              leg.targetId(),
              leg.destination(),
              plan.timeoutSeconds(),
              state.facts().trackingNumber(),
              plan.record()),
          trace);
    }
    trace.add(
        TraceEntry.of(
            plan.nodeId(),
            null,
            TraceKind.ROUTE,
            TraceOutcome.EXHAUSTED,
            "no buyer left to dial: taking the fallback"));
    return new Attempt(plan.exhausted(), null, trace);
  }

  private static CapacityStore.PublisherQuota quota(CallState state, DirectorySnapshot dir) {
    String campaignId = state.facts().campaignId();
    String publisherId = state.facts().publisherId();
    if (campaignId == null || publisherId == null) {
      return null;
    }
    return dir.campaign(campaignId)
        .map(c -> c.publisherCaps().get(publisherId))
        .map(caps -> new CapacityStore.PublisherQuota(campaignId, publisherId, caps))
        .orElse(null);
  }

  /**
   * Each target's calls, conversions and revenue over the lookback window, for
   * route-by-performance; a target without history gets the node's default rate from the engine.
   */
  private Map<String, PerformanceStats> performance(List<Target> targets, Instant now) {
    if (targets.isEmpty()) {
      return Map.of();
    }
    return history.performance(targets, now.minus(performanceLookback));
  }

  /**
   * How this route's auction may close early: the settings (with the bid-quantile ceiling and the
   * expected-gain rule), and each RTB target's bid history answer by answer over its newest pings
   * in the look-back, with its declared maximum bid.
   */
  private AuctionSettings auctionSettings(List<Target> targets, Instant now) {
    if (!auction.earlyClose()) {
      return AuctionSettings.WAIT_FOR_ALL;
    }
    List<Target> rtb = targets.stream().filter(Target::isRtb).toList();
    Map<String, BidHistory> histories = new LinkedHashMap<>();
    if (!rtb.isEmpty()) {
      histories.putAll(
          bidHistories.bidHistory(
              rtb.stream().map(Target::id).toList(),
              now.minus(auction.historyLookback()),
              auction.historyPings()));
      for (Target t : rtb) {
        BigDecimal max = auction.declaredMaximum(t);
        if (max != null) {
          histories.put(
              t.id(), histories.getOrDefault(t.id(), BidHistory.UNKNOWN).withDeclaredMaximum(max));
        }
      }
    }
    return new AuctionSettings(
        true,
        auction.minimumWait(),
        auction.answerMargin(),
        auction.minimumSample(),
        auction.bidQuantile(),
        auction.maxExpectedGain(),
        histories);
  }

  /** The round-robin counter of one route node of one flow (node ids repeat across flows). */
  private long nextRotation(String flowId, String nodeId) {
    return history.nextRotation("route:" + flowId + ":" + nodeId);
  }

  static List<TraceEntry> trace(RouteDecision decision) {
    List<TraceEntry> out = new ArrayList<>();
    for (PingResult p : decision.pings()) {
      out.add(
          new TraceEntry(
              decision.nodeId(),
              p.targetId(),
              TraceKind.PING,
              TraceOutcome.of(p.status()),
              p.reason() == null
                  ? p.status().name().toLowerCase(java.util.Locale.ROOT)
                  : p.reason(),
              p.bid().map(b -> b.amount().amount()).orElse(null),
              p.latency() == null ? null : (int) p.latency().toMillis(),
              p.httpStatus(),
              Map.of()));
    }
    for (Justification j : decision.justifications()) {
      out.add(TraceEntry.justified(TraceKind.DECISION, j).about(j.subject()));
    }
    if (decision.summary() != null) {
      Justification s = decision.summary();
      out.add(
          TraceEntry.justified(TraceKind.ROUTE, s)
              .about(s.subject())
              .detailed(Map.of("method", decision.method() == null ? "" : decision.method())));
    }
    return out;
  }

  private List<org.ringtree.rules.routing.PingResult> counted(
      List<org.ringtree.rules.routing.PingResult> pings) {
    pings.forEach(
        p ->
            metrics.ping(
                p.targetId(),
                p.status().name(),
                p.latency() == null ? Duration.ZERO : p.latency()));
    return pings;
  }
}
