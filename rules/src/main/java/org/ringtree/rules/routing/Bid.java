package org.ringtree.rules.routing;

import java.time.Instant;
import java.util.Objects;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.money.Money;

/** An accepted bid: what the buyer pays for this call, where to send it, and until when. */
public record Bid(
    String targetId, String bidId, Money amount, Destination destination, Instant expiresAt) {

  public Bid {
    Objects.requireNonNull(targetId, "targetId");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(destination, "destination");
  }

  public boolean expiredAt(Instant now) {
    return expiresAt != null && !now.isBefore(expiresAt);
  }
}
