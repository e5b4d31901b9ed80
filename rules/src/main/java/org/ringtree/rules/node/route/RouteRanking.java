package org.ringtree.rules.node.route;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.routing.Candidate;
import org.ringtree.rules.routing.PerformanceStats;
import org.ringtree.rules.routing.RouteContext;

/** The order a route node tries its candidates in, by its distribution method (step 4). */
final class RouteRanking {

  private RouteRanking() {}

  /**
   * Orders the candidates: by priority tier, then by the method inside each tier; with {@code
   * oneAuction} all tiers compete as one (a tier-2 bid may beat a tier-1 price), the tier only
   * breaking ties.
   */
  static List<Candidate> rank(
      String method,
      boolean oneAuction,
      List<Candidate> candidates,
      RouteContext ctx,
      NodeConfig cfg,
      List<String> listed) {
    Map<Integer, List<Candidate>> tiers = new TreeMap<>();
    candidates.forEach(
        c -> tiers.computeIfAbsent(oneAuction ? 0 : c.tier(), k -> new ArrayList<>()).add(c));
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < listed.size(); i++) {
      order.put(listed.get(i), i);
    }
    Comparator<Candidate> byListing =
        Comparator.comparingInt(Candidate::tier)
            .thenComparing(c -> order.getOrDefault(c.targetId(), Integer.MAX_VALUE));
    byListing = byListing.thenComparing(Candidate::targetId);
    List<Candidate> out = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(ctx.seed());
    for (List<Candidate> tier : tiers.values()) {
      List<Candidate> t = new ArrayList<>(tier);
      t.sort(byListing);
      switch (method) {
        case "ringTree" ->
            t.sort(
                Comparator.comparing((Candidate c) -> c.price().amount(), Comparator.reverseOrder())
                    .thenComparing(c -> c.priceSource() == Candidate.PriceSource.FIXED ? 0 : 1)
                    .thenComparing(byListing));
        case "roundRobin" -> {
          if (!t.isEmpty()) {
            int shift = (int) Math.floorMod(ctx.rotation(), (long) t.size());
            java.util.Collections.rotate(t, -shift);
          }
        }
        case "weighted" -> t = weighted(t, random);
        case "performance" -> {
          boolean byRevenue = "revenuePerCall".equals(cfg.string("performanceMetric"));
          BigDecimal dflt =
              cfg.decimal(byRevenue ? "defaultRevenuePerCall" : "defaultConversionRate");
          double fallback = dflt == null ? 0 : dflt.doubleValue();
          Comparator<Candidate> byScore =
              Comparator.comparingDouble(
                  c -> {
                    PerformanceStats s = ctx.performance().get(c.targetId());
                    if (s == null || s.calls() == 0) {
                      return fallback;
                    }
                    return byRevenue ? s.revenuePerCall().doubleValue() : s.conversionRate();
                  });
          t.sort(byScore.reversed().thenComparing(byListing));
        }
        default -> {}
      }
      out.addAll(t);
    }
    return out;
  }

  /** Weighted order without replacement: each pick is proportional to the remaining weights. */
  private static List<Candidate> weighted(List<Candidate> in, SplittableRandom random) {
    List<Candidate> pool = new ArrayList<>(in);
    List<Candidate> out = new ArrayList<>();
    while (!pool.isEmpty()) {
      long total = 0;
      for (Candidate c : pool) {
        total += weightOf(c);
      }
      if (total == 0) {
        out.addAll(pool);
        break;
      }
      long r = random.nextLong(total);
      int pick = 0;
      for (int i = 0; i < pool.size(); i++) {
        r -= weightOf(pool.get(i));
        if (r < 0) {
          pick = i;
          break;
        }
      }
      out.add(pool.remove(pick));
    }
    return out;
  }

  private static long weightOf(Candidate c) {
    return Math.max(c.weight(), 0);
  }
}
