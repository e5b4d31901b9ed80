package org.ringtree.rules.routing;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.ringtree.rules.directory.Destination;

/**
 * Port: pings RTB targets in parallel and returns one result per target, in the order given, within
 * the overall deadline. Never throws for a buyer's failure: that is a result with its reason. The
 * runtime implements it over HTTP (Camel); the simulator with scripted bids.
 */
public interface BidCollector {

  /** One RTB target to ping. */
  record PingTarget(String targetId, Destination.RtbEndpoint endpoint) {}

  /** Waits for every target (or its cut-off). */
  List<PingResult> collect(BidRequest request, List<PingTarget> targets, Duration overallDeadline);

  /**
   * Stops waiting when {@code closer} says so: the targets it gave up get a {@link
   * PingResult.Status#NOT_WAITED} result with its reason. An answer that arrives after its target
   * was given up or cut off is handed to {@code lateAnswers} (from another thread), so it can be
   * recorded. A collector that cannot close early waits for every target.
   */
  default List<PingResult> collect(
      BidRequest request,
      List<PingTarget> targets,
      Duration overallDeadline,
      AuctionCloser closer,
      Consumer<PingResult> lateAnswers) {
    return collect(request, targets, overallDeadline);
  }
}
