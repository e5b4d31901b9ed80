package org.ringtree.rules.directory;

import java.util.Objects;

/**
 * A company that pays for calls; its caps apply across all of its targets, and its accepted bids
 * may send calls only to {@code bidDestinations} (by default: North American numbers that are
 * neither premium-rate nor another country's).
 */
public record Buyer(String id, String name, Caps caps, BidDestinations bidDestinations) {
  public Buyer {
    Objects.requireNonNull(id, "id");
    caps = caps == null ? Caps.NONE : caps;
    bidDestinations = bidDestinations == null ? BidDestinations.DEFAULT : bidDestinations;
  }

  /** A buyer whose bids may reach the default destinations. */
  public Buyer(String id, String name, Caps caps) {
    this(id, name, caps, null);
  }
}
