package org.ringtree.rules.routing;

import java.util.Map;

/** Usage of every target and buyer a route decision looks at; missing entries mean no usage. */
public record UsageSnapshot(Map<String, Usage> targets, Map<String, Usage> buyers) {
  public static final UsageSnapshot EMPTY = new UsageSnapshot(Map.of(), Map.of());

  public UsageSnapshot {
    targets = targets == null ? Map.of() : Map.copyOf(targets);
    buyers = buyers == null ? Map.of() : Map.copyOf(buyers);
  }

  public Usage target(String id) {
    return targets.getOrDefault(id, Usage.NONE);
  }

  public Usage buyer(String id) {
    return buyers.getOrDefault(id, Usage.NONE);
  }
}
