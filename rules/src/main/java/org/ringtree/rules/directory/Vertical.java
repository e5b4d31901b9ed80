package org.ringtree.rules.directory;

import java.util.Objects;

/** A market the network trades calls in (legal, insurance, home services…). */
public record Vertical(String id, String name) {
  public Vertical {
    Objects.requireNonNull(id, "id");
  }
}
