package org.ringtree.rules.routing;

import java.time.Duration;
import org.ringtree.rules.routing.BidCollector.PingTarget;

/**
 * Port: posts a ping-post target's winning bid with the call's full details (caller's number, IVR
 * answers, the ping's bid id) and reads whether the buyer confirms (docs/rtb.md, "Ping-post").
 * Never throws for a buyer's failure: that is a {@link PostResult} with its reason. The runtime
 * implements it over HTTP (Camel).
 */
public interface BidPoster {

  /**
   * @param call the call with the caller's number (the post is the step that reveals it)
   * @param bid the target's accepted bid from the ping
   * @param timeout how long to wait: the target's post timeout, cut to what is left of the route
   *     node's deadline
   */
  PostResult post(BidRequest call, PingTarget target, Bid bid, Duration timeout);

  /** For engines without HTTP (the simulator, tests): every post is refused with the reason. */
  BidPoster NONE =
      (call, target, bid, timeout) ->
          new PostResult(
              target.targetId(),
              PostResult.Outcome.ERROR,
              null,
              null,
              Duration.ZERO,
              "no poster configured: ping-post bids cannot be confirmed");
}
