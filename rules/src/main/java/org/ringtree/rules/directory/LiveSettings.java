package org.ringtree.rules.directory;

import java.util.Map;

/**
 * The target and buyer settings that act on the next call without a new flow version: whether a
 * target or a buyer takes calls at all, and their caps. A published version carries the directory
 * as it was reviewed; these values, read from the directory at call time, take the place of the
 * same fields in it. An entry missing here leaves the version's value in force.
 */
public record LiveSettings(Map<String, Setting> targets, Map<String, Setting> buyers) {

  /** What is live for one target or buyer: whether it takes calls, and its caps. */
  public record Setting(boolean active, Caps caps) {
    public Setting {
      caps = caps == null ? Caps.NONE : caps;
    }
  }

  public static final LiveSettings NONE = new LiveSettings(Map.of(), Map.of());

  public LiveSettings {
    targets = targets == null ? Map.of() : Map.copyOf(targets);
    buyers = buyers == null ? Map.of() : Map.copyOf(buyers);
  }

  /** The target with its live pause and caps. */
  public Target apply(Target t) {
    Setting s = targets.get(t.id());
    if (s == null || (s.active() == t.active() && s.caps().equals(t.caps()))) {
      return t;
    }
    return t.toBuilder().caps(s.caps()).active(s.active()).build();
  }

  /** The buyer with its live caps (its pause is {@link #buyerPaused}). */
  public Buyer apply(Buyer b) {
    Setting s = buyers.get(b.id());
    if (s == null || s.caps().equals(b.caps())) {
      return b;
    }
    return new Buyer(b.id(), b.name(), s.caps(), b.bidDestinations());
  }

  /** True when the target's own live setting pauses it (the version's value otherwise). */
  public boolean targetActive(String targetId, boolean versioned) {
    Setting s = targets.get(targetId);
    return s == null ? versioned : s.active();
  }

  public boolean buyerPaused(String buyerId) {
    Setting s = buyers.get(buyerId);
    return s != null && !s.active();
  }
}
