package org.ringtree.rules.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.directory.LiveSettings;

/**
 * The inputs of one route decision besides the flow: the call, live usage, performance stats, the
 * round-robin counter for this route node (the runtime increments it atomically), a seed for
 * weighted choice (e.g. derived from the call id, so a replay decides the same), and the time the
 * decision is made (for bid expiry), and the targets' and buyers' live settings (pause, caps) that
 * take the place of the version's, and how the node's auction may close early.
 */
public record RouteContext(
    CallFacts facts,
    UsageSnapshot usage,
    Map<String, PerformanceStats> performance,
    long rotation,
    long seed,
    Instant now,
    LiveSettings live,
    AuctionSettings auction) {
  public RouteContext {
    live = live == null ? LiveSettings.NONE : live;
    auction = auction == null ? AuctionSettings.WAIT_FOR_ALL : auction;
    Objects.requireNonNull(facts, "facts");
    usage = usage == null ? UsageSnapshot.EMPTY : usage;
    performance = performance == null ? Map.of() : Map.copyOf(performance);
    now = now == null ? facts.arrivedAt() : now;
  }

  /** A context where the version's directory settings apply as compiled. */
  public RouteContext(
      CallFacts facts,
      UsageSnapshot usage,
      Map<String, PerformanceStats> performance,
      long rotation,
      long seed,
      Instant now) {
    this(facts, usage, performance, rotation, seed, now, LiveSettings.NONE, null);
  }

  /** A context whose auctions wait for every target. */
  public RouteContext(
      CallFacts facts,
      UsageSnapshot usage,
      Map<String, PerformanceStats> performance,
      long rotation,
      long seed,
      Instant now,
      LiveSettings live) {
    this(facts, usage, performance, rotation, seed, now, live, null);
  }

  public static RouteContext of(CallFacts facts, UsageSnapshot usage) {
    return new RouteContext(
        facts, usage, Map.of(), 0, facts.callId() == null ? 0 : facts.callId().hashCode(), null);
  }
}
