package org.ringtree.rules.node.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.TagFilter;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.engine.fact.Attr;
import org.ringtree.rules.engine.fact.CapFact;
import org.ringtree.rules.engine.fact.Param;
import org.ringtree.rules.engine.fact.TargetFact;

/**
 * What a route node's version holds for every call, built once when the version loads: the targets
 * it considers (its own, then its groups', as the directory expands them) and their facts for the
 * eligibility rules (targets, tag filters, target, buyer and publisher caps).
 */
record RouteTargets(List<String> ids, List<Object> facts) {

  RouteTargets {
    ids = List.copyOf(ids);
    facts = List.copyOf(facts);
  }

  static RouteTargets of(String nodeId, List<String> targetIds, DirectorySnapshot dir) {
    return new RouteTargets(targetIds, facts(nodeId, targetIds, dir));
  }

  private static List<Object> facts(String nodeId, List<String> targetIds, DirectorySnapshot dir) {
    List<Object> out = new ArrayList<>();
    Set<String> buyers = new TreeSet<>();
    for (String id : targetIds) {
      Target t = dir.target(id).orElse(null);
      if (t == null) {
        continue;
      }
      out.add(
          new TargetFact(
              nodeId,
              t.id(),
              t.buyerId(),
              t.name(),
              t.active(),
              t.geo().states(),
              t.geo().zips(),
              t.geo().areaCodes(),
              t.schedule(),
              t.duplicateRule().scope(),
              t.duplicateRule().basis(),
              t.duplicateRule().windowSeconds()));
      int i = 0;
      for (TagFilter f : t.tagFilters()) {
        Pattern p = null;
        if (f.comparison() == Comparison.REGEX && f.value() != null) {
          try {
            p = Pattern.compile(f.value());
          } catch (RuntimeException e) {
            p = Pattern.compile("(?!)");
          }
        }
        out.add(
            new Param(
                nodeId + "#t:" + t.id() + "#" + i++,
                t.id(),
                "tag." + f.tag(),
                f.comparison(),
                f.value(),
                Set.copyOf(f.values()),
                Attr.of("", f.value()).number(),
                p,
                null,
                0,
                null,
                nodeId));
      }
      caps(out, "target", t.id(), t.caps());
      buyers.add(t.buyerId());
    }
    for (String b : buyers) {
      dir.buyer(b).map(Buyer::caps).ifPresent(c -> caps(out, "buyer", b, c));
    }
    for (var c : dir.campaigns()) {
      c.publisherCaps().forEach((publisher, caps) -> caps(out, "publisher", publisher, caps));
    }
    return out;
  }

  static void caps(List<Object> out, String scope, String owner, Caps c) {
    cap(out, scope, owner, "concurrency", c.concurrency());
    cap(out, scope, owner, "hourly", c.hourly());
    cap(out, scope, owner, "daily", c.daily());
    cap(out, scope, owner, "monthly", c.monthly());
    cap(out, scope, owner, "total", c.total());
  }

  private static void cap(
      List<Object> out, String scope, String owner, String period, Integer limit) {
    if (limit != null) {
      out.add(new CapFact(scope, owner, period, limit));
    }
  }
}
