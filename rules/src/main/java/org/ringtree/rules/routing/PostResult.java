package org.ringtree.rules.routing;

import java.time.Duration;
import java.util.Objects;
import org.ringtree.rules.directory.Destination;

/**
 * How one ping-post buyer answered the post of its winning bid: confirmed (optionally with a new
 * destination to dial instead of the bid's), refused, or no usable answer. Kept in the call's
 * trace.
 */
public record PostResult(
    String targetId,
    Outcome outcome,
    Destination destination,
    Integer httpStatus,
    Duration latency,
    String reason) {

  public enum Outcome {
    /** The buyer takes the call. */
    CONFIRMED,
    /** The buyer answered no (duplicate caller, closed, capped …). */
    REFUSED,
    /** No complete answer within the post's timeout. */
    TIMEOUT,
    /** Connection refused, HTTP outside 2xx, a post URL Ringtree does not call. */
    ERROR,
    /** An answer we could not read (not JSON, no accept field, an unusable destination). */
    INVALID
  }

  public PostResult {
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(outcome, "outcome");
    latency = latency == null ? Duration.ZERO : latency;
  }

  public boolean confirmed() {
    return outcome == Outcome.CONFIRMED;
  }
}
