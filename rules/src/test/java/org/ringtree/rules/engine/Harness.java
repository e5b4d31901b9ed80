package org.ringtree.rules.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.compiler.CompileResult;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.BidCollector;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.UsageSnapshot;

/** Builds small flows and directories for engine tests and runs them. */
final class Harness {
  static final DecisionEngine ENGINE = new DecisionEngine();

  private Harness() {}

  static Campaign campaign(
      PayoutPolicy policy, DuplicateRule dup, BigDecimal marginPct, Money marginAmount) {
    return new Campaign(
        "legal-tx", "Legal", "legal", Money.USD, policy, dup, marginPct, marginAmount);
  }

  static Campaign campaign() {
    return campaign(
        PayoutPolicy.fixed(90, 60, Money.usd("200"), 30),
        DuplicateRule.NONE,
        BigDecimal.ZERO,
        Money.usd("0"));
  }

  static DirectorySnapshot directory(Campaign campaign, List<Target> targets, List<Buyer> buyers) {
    List<Buyer> all = new ArrayList<>(buyers);
    for (Target t : targets) {
      if (all.stream().noneMatch(b -> b.id().equals(t.buyerId()))) {
        all.add(new Buyer(t.buyerId(), t.buyerId(), Caps.NONE));
      }
    }
    return new DirectorySnapshot(
        List.of(),
        List.of(campaign),
        List.of(),
        all,
        targets,
        List.of(),
        List.of(),
        Set.of("crm-lookup"));
  }

  /** start -> route(targets, method, extra settings) -> fallback hangup. */
  static CompiledFlow routeFlow(DirectorySnapshot dir, String method, Map<String, Object> extra) {
    Map<String, Object> cfg = new LinkedHashMap<>(extra);
    cfg.put("targets", dir.targets().stream().map(Target::id).toList());
    cfg.put("method", method);
    FlowDocument flow =
        new Fixtures.FlowBuilder()
            .node("route", NodeKind.ROUTE, cfg)
            .node("bye", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "route")
            .edge("route", "fallback", "bye")
            .build();
    return compile(flow, dir);
  }

  static CompiledFlow compile(FlowDocument flow, DirectorySnapshot dir) {
    CompileResult r = FlowCompiler.compile(flow, dir);
    return r.orElseThrow();
  }

  static RouteDecision route(
      CompiledFlow flow, CallFacts facts, UsageSnapshot usage, BidCollector bids) {
    return route(flow, RouteContext.of(facts, usage), bids);
  }

  static RouteDecision route(CompiledFlow flow, RouteContext ctx, BidCollector bids) {
    ENGINE.load(flow);
    return ENGINE.route(flow.versionKey(), "route", ctx, bids);
  }

  static Target target(String id) {
    return Target.fixed(
            id,
            "buyer-" + id,
            "+1512555" + String.format("%04d", Math.abs(id.hashCode()) % 10000),
            Money.usd("100"))
        .withName(capitalise(id));
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static CallFacts texas() {
    return Fixtures.texasCall();
  }
}
