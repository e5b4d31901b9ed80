package org.ringtree.rules.routing;

import java.util.Map;

/**
 * Usage of every target and buyer a route decision looks at, and of publishers within the call's
 * campaign; missing entries mean no usage.
 */
public record UsageSnapshot(
    Map<String, Usage> targets, Map<String, Usage> buyers, Map<String, Usage> publishers) {
  public static final UsageSnapshot EMPTY = new UsageSnapshot(Map.of(), Map.of(), Map.of());

  public UsageSnapshot {
    targets = targets == null ? Map.of() : Map.copyOf(targets);
    buyers = buyers == null ? Map.of() : Map.copyOf(buyers);
    publishers = publishers == null ? Map.of() : Map.copyOf(publishers);
  }

  public UsageSnapshot(Map<String, Usage> targets, Map<String, Usage> buyers) {
    this(targets, buyers, Map.of());
  }

  /** This publisher's usage within the call's campaign. */
  public Usage publisher(String id) {
    return publishers.getOrDefault(id, Usage.NONE);
  }

  public Usage target(String id) {
    return targets.getOrDefault(id, Usage.NONE);
  }

  public Usage buyer(String id) {
    return buyers.getOrDefault(id, Usage.NONE);
  }
}
