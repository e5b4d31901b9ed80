package org.ringtree.runtime.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ringtree.rules.directory.Destination;

/**
 * The ranked buyers of the route node a call is at, and how far down the list the call has got.
 * Stored with the call (JSON) so whichever runtime node takes the dial-action webhook can go on.
 *
 * @param next index of the next candidate to try
 * @param ringing index of the leg now ringing, or -1
 * @param reservation capacity held for the ringing leg
 * @param maxAttempts the route node's "Candidates to try": at most this many legs are dialled (0,
 *     in plans stored before the limit was kept, means no limit)
 * @param attempts how many legs have been dialled so far
 */
public record DialPlan(
    String nodeId,
    List<Leg> legs,
    int next,
    int ringing,
    UUID reservation,
    int timeoutSeconds,
    boolean record,
    int maxAttempts,
    int attempts) {

  /**
   * One candidate: where to dial and what the call earns if it connects there; {@code
   * bidConversionSeconds} is the winning bid's own billable duration (null: the campaign's).
   */
  public record Leg(
      String targetId,
      String buyerId,
      String name,
      Destination destination,
      BigDecimal price,
      String currency,
      String priceSource,
      String bidId,
      Instant bidExpiresAt,
      Integer bidConversionSeconds) {

    /** A leg whose bid, if any, has no conversion timer of its own. */
    public Leg(
        String targetId,
        String buyerId,
        String name,
        Destination destination,
        BigDecimal price,
        String currency,
        String priceSource,
        String bidId,
        Instant bidExpiresAt) {
      this(
          targetId,
          buyerId,
          name,
          destination,
          price,
          currency,
          priceSource,
          bidId,
          bidExpiresAt,
          null);
    }

    /** This leg dialling another destination (a ping-post buyer's confirmation named one). */
    Leg dialling(Destination d) {
      return new Leg(
          targetId,
          buyerId,
          name,
          d,
          price,
          currency,
          priceSource,
          bidId,
          bidExpiresAt,
          bidConversionSeconds);
    }
  }

  public DialPlan {
    legs = List.copyOf(legs);
  }

  public boolean awaitingDial() {
    return ringing >= 0;
  }

  public Leg ringingLeg() {
    return ringing >= 0 ? legs.get(ringing) : null;
  }

  /** Whether the node's "Candidates to try" are all used up. */
  public boolean attemptsUsed() {
    return maxAttempts > 0 && attempts >= maxAttempts;
  }

  DialPlan withLeg(int index, Leg leg) {
    List<Leg> changed = new java.util.ArrayList<>(legs);
    changed.set(index, leg);
    return new DialPlan(
        nodeId, changed, next, ringing, reservation, timeoutSeconds, record, maxAttempts, attempts);
  }

  DialPlan ringing(int index, UUID heldReservation) {
    return new DialPlan(
        nodeId,
        legs,
        index + 1,
        index,
        heldReservation,
        timeoutSeconds,
        record,
        maxAttempts,
        attempts + 1);
  }

  /** The ringing leg ended (answered or not): nothing rings any more. */
  public DialPlan settled() {
    return new DialPlan(
        nodeId, legs, next, -1, null, timeoutSeconds, record, maxAttempts, attempts);
  }

  DialPlan exhausted() {
    return new DialPlan(
        nodeId, legs, legs.size(), -1, null, timeoutSeconds, record, maxAttempts, attempts);
  }
}
