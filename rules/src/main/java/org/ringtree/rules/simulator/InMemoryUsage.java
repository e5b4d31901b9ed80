package org.ringtree.rules.simulator;

import java.util.HashMap;
import java.util.Map;
import org.ringtree.rules.routing.Usage;
import org.ringtree.rules.routing.UsageSnapshot;

/**
 * Usage counters for simulations: counts connections (and conversions) per target and buyer the way
 * the runtime's PostgreSQL counters do, without periods (everything is "today").
 */
public final class InMemoryUsage {
  private final Map<String, long[]> targets = new HashMap<>();
  private final Map<String, long[]> buyers = new HashMap<>();

  public synchronized void connected(String targetId, String buyerId, boolean converted) {
    bump(targets, targetId, converted);
    bump(buyers, buyerId, converted);
  }

  private static void bump(Map<String, long[]> m, String id, boolean converted) {
    long[] c = m.computeIfAbsent(id, k -> new long[2]);
    c[0]++;
    if (converted) {
      c[1]++;
    }
  }

  public synchronized UsageSnapshot snapshot() {
    Map<String, Usage> t = new HashMap<>();
    targets.forEach((k, v) -> t.put(k, usage(v)));
    Map<String, Usage> b = new HashMap<>();
    buyers.forEach((k, v) -> b.put(k, usage(v)));
    return new UsageSnapshot(t, b);
  }

  private static Usage usage(long[] c) {
    return new Usage(
        0, new Usage.Counts(c[0], c[0], c[0], c[0]), new Usage.Counts(c[1], c[1], c[1], c[1]));
  }
}
