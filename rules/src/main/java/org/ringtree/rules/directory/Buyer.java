package org.ringtree.rules.directory;

import java.util.Objects;

/** A company that pays for calls; its caps apply across all of its targets. */
public record Buyer(String id, String name, Caps caps) {
  public Buyer {
    Objects.requireNonNull(id, "id");
    caps = caps == null ? Caps.NONE : caps;
  }
}
