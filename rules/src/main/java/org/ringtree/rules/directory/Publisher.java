package org.ringtree.rules.directory;

import java.util.Objects;

/** A traffic source that drives calls to tracking numbers and earns payouts. */
public record Publisher(String id, String name) {
  public Publisher {
    Objects.requireNonNull(id, "id");
  }
}
