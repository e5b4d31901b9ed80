package org.ringtree.rules.routing;

import java.time.Duration;
import java.util.List;
import org.ringtree.rules.directory.Destination;

/**
 * Port: pings RTB targets in parallel and returns one result per target, in the order given, within
 * the overall deadline. Never throws for a buyer's failure: that is a result with its reason. The
 * runtime implements it over HTTP (Camel); the simulator with scripted bids.
 */
public interface BidCollector {

  /** One RTB target to ping. */
  record PingTarget(String targetId, Destination.RtbEndpoint endpoint) {}

  List<PingResult> collect(BidRequest request, List<PingTarget> targets, Duration overallDeadline);
}
