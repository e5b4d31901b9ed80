package org.ringtree.rules.node.route;

import java.util.ArrayList;
import java.util.List;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.LiveSettings;
import org.ringtree.rules.engine.fact.CapFact;
import org.ringtree.rules.engine.fact.TargetFact;
import org.ringtree.rules.engine.fact.UsageFact;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.Usage;

/**
 * The facts a route node's eligibility rules run over, as they stand now: the version's compiled
 * facts with the live settings (a target's pause, live caps) in their place, and each cap's usage.
 */
final class LiveRouteFacts {

  private LiveRouteFacts() {}

  /**
   * The route node's compiled facts with the live settings in place of the version's: a target's
   * pause, and the caps of targets and buyers that have live caps.
   */
  static List<Object> live(List<Object> compiled, LiveSettings live, DirectorySnapshot dir) {
    if (live.targets().isEmpty() && live.buyers().isEmpty()) {
      return compiled;
    }
    List<Object> out = new ArrayList<>();
    java.util.Set<String> owners = new java.util.LinkedHashSet<>();
    for (Object f : compiled) {
      if (f instanceof TargetFact t) {
        boolean active = live.targetActive(t.targetId(), t.active());
        out.add(
            active == t.active()
                ? t
                : new TargetFact(
                    t.routeNodeId(),
                    t.targetId(),
                    t.buyerId(),
                    t.name(),
                    active,
                    t.states(),
                    t.zips(),
                    t.areaCodes(),
                    t.schedule(),
                    t.dupScope(),
                    t.dupBasis(),
                    t.dupWindowSeconds()));
        if (live.targets().containsKey(t.targetId())) {
          owners.add("target|" + t.targetId());
        }
        if (live.buyers().containsKey(t.buyerId())) {
          owners.add("buyer|" + t.buyerId());
        }
      } else if (f instanceof CapFact c
          && (("target".equals(c.scope()) && live.targets().containsKey(c.ownerId()))
              || ("buyer".equals(c.scope()) && live.buyers().containsKey(c.ownerId())))) {
        continue; // replaced by the live caps below
      } else {
        out.add(f);
      }
    }
    for (String owner : owners) {
      String[] p = owner.split("\\|", 2);
      Caps caps =
          "target".equals(p[0]) ? live.targets().get(p[1]).caps() : live.buyers().get(p[1]).caps();
      RouteTargets.caps(out, p[0], p[1], caps);
    }
    return out;
  }

  /** How much of a cap the call's usage has taken, for the eligibility rules. */
  static UsageFact usage(CapFact cap, RouteContext ctx, DirectorySnapshot dir) {
    Usage u;
    Caps caps;
    if ("buyer".equals(cap.scope())) {
      u = ctx.usage().buyer(cap.ownerId());
      caps = dir.buyer(cap.ownerId()).map(b -> ctx.live().apply(b).caps()).orElse(Caps.NONE);
    } else if ("publisher".equals(cap.scope())) {
      u = ctx.usage().publisher(cap.ownerId());
      caps =
          dir.campaigns().stream()
              .map(c -> c.publisherCaps().get(cap.ownerId()))
              .filter(java.util.Objects::nonNull)
              .findFirst()
              .orElse(Caps.NONE);
    } else {
      u = ctx.usage().target(cap.ownerId());
      caps = dir.target(cap.ownerId()).map(t -> ctx.live().apply(t).caps()).orElse(Caps.NONE);
    }
    Usage.Counts counts =
        caps.countOn() == Caps.CountOn.CONVERSIONS ? u.conversions() : u.connections();
    long n =
        switch (cap.period()) {
          case "concurrency" -> u.concurrent();
          case "hourly" -> counts.hourly();
          case "daily" -> counts.daily();
          case "monthly" -> counts.monthly();
          default -> counts.total();
        };
    return new UsageFact(cap.scope(), cap.ownerId(), cap.period(), n);
  }
}
