package org.ringtree.rules.directory;

import java.util.List;
import java.util.Objects;

/** A named set of targets a route node can refer to as one. */
public record TargetGroup(String id, String name, List<String> targetIds) {
  public TargetGroup {
    Objects.requireNonNull(id, "id");
    targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
  }
}
