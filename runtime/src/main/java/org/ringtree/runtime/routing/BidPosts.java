package org.ringtree.runtime.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.directory.BidDestinations;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.Bid;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.BidPoster;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PostResult;

/**
 * The post step of ping-post (docs/rtb.md, "Ping-post"): before a ping-post target's bid is
 * dialled, the buyer is posted the call's full details and must confirm. What was sent and what
 * came back are trace lines ({@link TraceKind#POST}); only a confirmed post is dialled, at the
 * destination the confirmation names, else the bid's.
 */
final class BidPosts {

  private final BidPoster poster;

  BidPosts(BidPoster poster) {
    this.poster = poster;
  }

  /** What the post decided for one leg: the destination to dial, or null to skip the leg. */
  record Outcome(Destination dial, List<TraceEntry> trace) {}

  /**
   * Whether a leg is a ping-post target's bid, which is dialled only once its post is confirmed.
   */
  boolean needsPost(DialPlan.Leg leg, Target target) {
    return "BID".equals(leg.priceSource())
        && target.destination() instanceof Destination.RtbEndpoint rtb
        && rtb.pingPost();
  }

  /**
   * Posts the leg's bid to its ping-post target, within its post timeout cut to what is left until
   * {@code deadlineNanos} ({@link System#nanoTime()}; null: no route deadline, the post timeout
   * alone). A destination the confirmation names must be on the buyer's allow-list.
   */
  Outcome post(
      String nodeId,
      DialPlan.Leg leg,
      Target target,
      Buyer buyer,
      CallState state,
      Long deadlineNanos) {
    Destination.RtbEndpoint endpoint = (Destination.RtbEndpoint) target.destination();
    BidDestinations allowed = buyer == null ? BidDestinations.DEFAULT : buyer.bidDestinations();
    Duration timeLeft =
        deadlineNanos == null
            ? null
            : Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
    Duration timeout = Duration.ofMillis(endpoint.effectivePostTimeoutMillis());
    if (timeLeft != null && timeLeft.compareTo(timeout) < 0) {
      timeout = timeLeft;
    }
    if (timeout.toMillis() < 1) {
      return new Outcome(
          null,
          List.of(
              TraceEntry.of(
                  nodeId,
                  leg.targetId(),
                  TraceKind.POST,
                  TraceOutcome.TIMEOUT,
                  leg.name()
                      + " skipped: no time left in the route node's deadline to post its bid")));
    }
    Bid bid =
        new Bid(
            leg.targetId(),
            leg.bidId(),
            new Money(leg.price(), leg.currency()),
            leg.destination(),
            leg.bidExpiresAt(),
            leg.bidConversionSeconds() == null
                ? null
                : Duration.ofSeconds(leg.bidConversionSeconds()));
    // the post is the step that tells the winner who calls: the number, whatever the campaign
    BidRequest call = BidRequest.of(state.facts(), true);
    TraceEntry sent =
        new TraceEntry(
            nodeId,
            leg.targetId(),
            TraceKind.POST,
            TraceOutcome.STEP,
            "post sent to "
                + leg.name()
                + (leg.bidId() == null ? "" : " for bid " + leg.bidId())
                + " ("
                + bid.amount()
                + "), with the caller's number, answer within "
                + timeout.toMillis()
                + " ms",
            bid.amount().amount(),
            null,
            null,
            Map.of());
    PostResult r = poster.post(call, new PingTarget(leg.targetId(), endpoint), bid, timeout);
    TraceOutcome outcome =
        switch (r.outcome()) {
          case CONFIRMED -> TraceOutcome.ACCEPTED;
          case REFUSED -> TraceOutcome.DECLINED;
          case TIMEOUT -> TraceOutcome.TIMEOUT;
          case ERROR -> TraceOutcome.ERROR;
          case INVALID -> TraceOutcome.INVALID;
        };
    java.util.Optional<String> refused =
        r.confirmed() && r.destination() != null
            ? allowed.problem(r.destination())
            : java.util.Optional.empty();
    if (refused.isPresent()) {
      // the confirmation names the number the network pays to dial: the bid's allow-list applies
      r =
          new PostResult(
              r.targetId(),
              PostResult.Outcome.INVALID,
              null,
              r.httpStatus(),
              r.latency(),
              "confirmed with a destination refused: " + refused.get());
    }
    Destination dial =
        !r.confirmed() ? null : r.destination() != null ? r.destination() : leg.destination();
    String reason =
        r.confirmed()
            ? leg.name()
                + " confirmed the post"
                + (r.destination() != null && !r.destination().equals(leg.destination())
                    ? ": dialling " + shown(r.destination()) + " from its answer"
                    : "")
            : leg.name()
                + " skipped: post "
                + (r.outcome() == PostResult.Outcome.REFUSED ? "refused" : "not confirmed")
                + (r.reason() == null ? "" : ": " + r.reason());
    TraceEntry answered =
        new TraceEntry(
            nodeId,
            leg.targetId(),
            TraceKind.POST,
            outcome,
            reason,
            bid.amount().amount(),
            (int) r.latency().toMillis(),
            r.httpStatus(),
            Map.of());
    return new Outcome(dial, List.of(sent, answered));
  }

  private static String shown(Destination d) {
    if (d instanceof Destination.PhoneNumber p) {
      return p.e164();
    }
    return d instanceof Destination.SipUri s ? s.uri() : d.toString();
  }
}
