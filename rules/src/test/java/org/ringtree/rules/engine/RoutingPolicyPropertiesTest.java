package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringtree.rules.engine.Harness.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNResult;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.Candidate;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.UsageSnapshot;
import org.ringtree.rules.trace.Justification;

/**
 * For random route nodes, campaigns and prices, the method, lowest acceptable offer (floor and
 * margin) and auction scope the engine applies are the routing table's answer, and the table's
 * answer is what the node and the campaign say.
 */
class RoutingPolicyPropertiesTest {

  record Case(
      String method,
      int floor,
      String auction,
      int payout,
      int marginAmount,
      int marginPercent,
      List<int[]> targets) {}

  @Property(tries = 40)
  void theRuntimeAppliesTheRoutingTablesAnswer(@ForAll("cases") Case c) {
    Campaign campaign =
        campaign(
            PayoutPolicy.fixed(90, 60, Money.usd(String.valueOf(c.payout())), 30),
            DuplicateRule.NONE,
            BigDecimal.valueOf(c.marginPercent()),
            Money.usd(String.valueOf(c.marginAmount())));
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < c.targets().size(); i++) {
      int[] t = c.targets().get(i);
      targets.add(
          Target.fixed(
                  "t" + i, "buyer-t" + i, "+1512555" + (1000 + i), Money.usd(String.valueOf(t[0])))
              .withName("T" + i)
              .withPriorityAndWeight(t[1], 1));
    }
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("floor", c.floor());
    settings.put("auction", c.auction());
    CompiledFlow flow = routeFlow(directory(campaign, targets, List.of()), c.method(), settings);

    Map<?, ?> table = table(flow, campaign);
    RouteDecision d = route(flow, texas(), UsageSnapshot.EMPTY, null);

    // the table says what the node and the campaign say
    assertThat(table.get("Method")).isEqualTo(c.method());
    assertThat(table.get("Auction")).isEqualTo(c.auction());
    BigDecimal minimum = new BigDecimal(String.valueOf(table.get("Minimum offer")));
    assertThat(minimum.setScale(6, RoundingMode.HALF_EVEN))
        .isEqualByComparingTo(expectedMinimum(c));

    // and the engine does what the table says
    assertThat(d.method()).isEqualTo(table.get("Method"));
    List<String> expected =
        targets.stream()
            .filter(
                t ->
                    !"ringTree".equals(c.method())
                        || t.fixedPrice().amount().compareTo(minimum) >= 0)
            .map(Target::id)
            .sorted()
            .toList();
    assertThat(d.ranked().stream().map(Candidate::targetId).sorted().toList()).isEqualTo(expected);
    assertThat(d.justifications())
        .filteredOn(j -> j.verdict() != Justification.Verdict.SKIPPED)
        .extracting(Justification::ruleId)
        .allMatch(table.get("Row")::equals);
    assertThat(d.summary().ruleId()).isEqualTo(table.get("Row"));
    List<Candidate> ranked = d.ranked();
    for (int i = 1; i < ranked.size(); i++) {
      Candidate before = ranked.get(i - 1);
      Candidate after = ranked.get(i);
      if ("tiers".equals(c.auction())) {
        assertThat(before.tier()).isLessThanOrEqualTo(after.tier());
      }
      if ("ringTree".equals(c.method())
          && ("oneAuction".equals(c.auction()) || before.tier() == after.tier())) {
        assertThat(before.price().amount()).isGreaterThanOrEqualTo(after.price().amount());
      }
    }
  }

  private static BigDecimal expectedMinimum(Case c) {
    BigDecimal min = BigDecimal.valueOf(c.floor());
    if (!"ringTree".equals(c.method())) {
      return min;
    }
    BigDecimal payout = BigDecimal.valueOf(c.payout());
    if (c.marginAmount() > 0) {
      min = min.max(payout.add(BigDecimal.valueOf(c.marginAmount())));
    }
    if (c.marginPercent() > 0) {
      BigDecimal keep = BigDecimal.ONE.subtract(BigDecimal.valueOf(c.marginPercent(), 2));
      min = min.max(payout.divide(keep, 10, RoundingMode.HALF_EVEN));
    }
    return min.setScale(6, RoundingMode.HALF_EVEN);
  }

  private static Map<?, ?> table(CompiledFlow flow, Campaign campaign) {
    FlowRuntime rt = FlowRuntime.build(flow);
    DMNContext ctx = rt.dmn().newContext();
    ctx.set("Route node", "route");
    ctx.set("Publisher payout", FlowCompiler.expectedPayout(campaign));
    DMNResult r = rt.dmn().evaluateAll(rt.routingModel(), ctx);
    return (Map<?, ?>) r.getDecisionResultByName(DmnNames.ROUTING_DECISION).getResult();
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<int[]> target =
        Combinators.combine(
                Arbitraries.integers().between(1, 300), Arbitraries.integers().between(1, 3))
            .as((price, tier) -> new int[] {price, tier});
    return Combinators.combine(
            Arbitraries.of("priority", "weighted", "roundRobin", "ringTree", "performance"),
            Arbitraries.integers().between(0, 200),
            Arbitraries.of("tiers", "oneAuction"),
            Arbitraries.integers().between(0, 150),
            Arbitraries.integers().between(0, 40),
            Arbitraries.integers().between(0, 50),
            target.list().ofMinSize(1).ofMaxSize(6))
        .as(Case::new);
  }
}
