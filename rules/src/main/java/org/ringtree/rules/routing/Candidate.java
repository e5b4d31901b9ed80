package org.ringtree.rules.routing;

import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.money.Money;

/**
 * An eligible target in ranked order: where to dial ({@code dialable}: its number/SIP URI or the
 * winning bid's destination), the price it pays ({@code price}: fixed price or bid; null when the
 * target has neither) and the bid behind it, if any.
 */
public record Candidate(
    String targetId,
    String name,
    String buyerId,
    int tier,
    int weight,
    Destination dialable,
    Money price,
    PriceSource priceSource,
    Bid bid) {

  /** Where a candidate's price comes from. */
  public enum PriceSource {
    FIXED,
    BID,
    NONE
  }
}
