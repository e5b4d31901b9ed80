package org.ringtree.rules.routing;

import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of pinging one RTB target: a bid, or the reason there is none. Every ping is kept in
 * the routing trace, winners, losers and late ones alike.
 */
public record PingResult(
    String targetId,
    Status status,
    Optional<Bid> bid,
    Integer httpStatus,
    Duration latency,
    String reason) {

  public enum Status {
    /** The buyer bid and accepted the call. */
    ACCEPTED,
    /** The buyer answered but declined (no capacity, reject reason, zero bid). */
    DECLINED,
    /** No answer inside the target's timeout or the overall deadline. */
    TIMEOUT,
    /** Connection refused, HTTP 4xx/5xx. */
    ERROR,
    /** An answer we could not use: garbage, missing destination, negative or absurd amount. */
    INVALID,
    /** Not pinged: the target's ping rate limit was reached. */
    RATE_LIMITED,
    /** Pinged, but the auction closed before it answered: it could not change the winner. */
    NOT_WAITED
  }

  public PingResult {
    bid = bid == null ? Optional.empty() : bid;
    if (status == Status.ACCEPTED && bid.isEmpty()) {
      throw new IllegalArgumentException("an accepted ping needs a bid");
    }
  }
}
