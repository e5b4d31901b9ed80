package org.ringtree.rules.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.routing.Bid;
import org.ringtree.rules.routing.BidCollector;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;

/** A {@link BidCollector} that answers from a script instead of HTTP. */
public final class ScriptedBidCollector implements BidCollector {
  private final Map<String, ScriptedBid> bids;

  public ScriptedBidCollector(Map<String, ScriptedBid> bids) {
    this.bids = Map.copyOf(bids);
  }

  @Override
  public List<PingResult> collect(
      BidRequest request, List<PingTarget> targets, Duration overallDeadline) {
    List<PingResult> out = new ArrayList<>();
    Instant arrived = request.arrivedAt();
    for (PingTarget t : targets) {
      ScriptedBid b = bids.get(t.targetId());
      if (b == null) {
        out.add(
            new PingResult(
                t.targetId(), PingResult.Status.TIMEOUT, null, null, overallDeadline, "no answer"));
        continue;
      }
      Duration latency = Duration.ofMillis(b.latencyMillis());
      long limit = Math.min(t.endpoint().timeoutMillis(), overallDeadline.toMillis());
      if (b.latencyMillis() > limit) {
        out.add(
            new PingResult(
                t.targetId(),
                PingResult.Status.TIMEOUT,
                null,
                null,
                latency,
                "answered after " + limit + " ms"));
      } else if (!b.accept() || b.amount() == null || b.destination() == null) {
        out.add(
            new PingResult(
                t.targetId(), PingResult.Status.DECLINED, null, 200, latency, "declined"));
      } else if (b.amount().isNegative() || b.amount().isZero()) {
        out.add(
            new PingResult(
                t.targetId(),
                PingResult.Status.INVALID,
                null,
                200,
                latency,
                "amount " + b.amount()));
      } else {
        Instant expires =
            b.expiresInSeconds() == null ? null : arrived.plusSeconds(b.expiresInSeconds());
        Bid bid =
            new Bid(t.targetId(), "sim-" + t.targetId(), b.amount(), b.destination(), expires);
        out.add(
            new PingResult(
                t.targetId(),
                PingResult.Status.ACCEPTED,
                java.util.Optional.of(bid),
                200,
                latency,
                null));
      }
    }
    return out;
  }
}
