package org.ringtree.rules.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.money.Money;

/**
 * An accepted bid: what the buyer pays for this call, where to send it, until when, and — when the
 * buyer's platform says so (Retreaver's {@code retreaver_seconds}, a template's field) — how long
 * the call must last for the buyer to pay (its conversion timer, null when the bid has none).
 */
public record Bid(
    String targetId,
    String bidId,
    Money amount,
    Destination destination,
    Instant expiresAt,
    Duration conversionTimer) {

  public Bid {
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(destination, "destination");
    if (conversionTimer != null && conversionTimer.isNegative()) {
      throw new IllegalArgumentException("a conversion timer is not negative");
    }
  }

  /** A bid without its own conversion timer (the campaign's billable duration applies). */
  public Bid(
      String targetId, String bidId, Money amount, Destination destination, Instant expiresAt) {
    this(targetId, bidId, amount, destination, expiresAt, null);
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
