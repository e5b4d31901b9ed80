package org.ringtree.runtime.routing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.directory.BidDestinations;
import org.ringtree.rules.directory.Destination;
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
   * Posts the leg's bid to its ping-post target, within its post timeout cut to {@code timeLeft}
   * (null: no route deadline, the post timeout alone).
   */
  Outcome post(
      String nodeId,
      DialPlan.Leg leg,
      Destination.RtbEndpoint endpoint,
      CallState state,
      BidDestinations allowed,
      Duration timeLeft) {
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
