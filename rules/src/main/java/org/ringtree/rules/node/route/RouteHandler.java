package org.ringtree.rules.node.route;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.BOOLEAN;
import static org.ringtree.rules.flow.FieldType.DECIMAL;
import static org.ringtree.rules.flow.FieldType.ENUM;
import static org.ringtree.rules.flow.FieldType.GROUP_REFS;
import static org.ringtree.rules.flow.FieldType.INTEGER;
import static org.ringtree.rules.flow.FieldType.TARGET_REFS;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.compiler.DrlRules;
import org.ringtree.rules.compiler.KindRules;
import org.ringtree.rules.compiler.RoutingRow;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.engine.CallInput;
import org.ringtree.rules.engine.CallOutcome;
import org.ringtree.rules.engine.FlowRuntime;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.NodeRouting;
import org.ringtree.rules.engine.RouteRequest;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;
import org.ringtree.rules.node.KindHandler;
import org.ringtree.rules.routing.BidCollector;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.validation.IssueSink;
import org.ringtree.rules.validation.SettingsChecks;

/**
 * Sends the call to the best eligible target. Eligibility is DRL (skip rules per target, {@link
 * EligibilityRules}), the node's policy a row of the routing DMN ({@link #routingRow}); when the
 * call reaches the node it waits with a {@link RouteRequest}, and the runtime asks the engine for
 * the decision, which is {@link RouteDecider}'s: eligibility, pings, price floor, ranking.
 */
public final class RouteHandler extends KindHandler implements KindRules, NodeRouting {

  record Settings(
      List<String> targets,
      List<String> groups,
      String method,
      BigDecimal floor,
      boolean oneAuction,
      int pingDeadlineMillis,
      int dialTimeoutSeconds,
      int maxAttempts,
      boolean record,
      BigDecimal defaultConversionRate) {
    static Settings of(NodeConfig c) {
      return new Settings(
          c.strings("targets"),
          c.strings("groups"),
          c.string("method"),
          c.decimal("floor") == null ? BigDecimal.ZERO : c.decimal("floor"),
          "oneAuction".equals(c.string("auction")),
          c.integer("pingDeadlineMillis", 2000),
          c.integer("dialTimeoutSeconds", 30),
          c.integer("maxAttempts", 3),
          c.bool("record"),
          c.decimal("defaultConversionRate"));
    }
  }

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.ROUTE,
          "Route",
          "Routing",
          "Sends the call to the best eligible target by the chosen distribution method.",
          List.of(
              of("targets", "Targets", TARGET_REFS, "Targets to consider."),
              of("groups", "Target groups", GROUP_REFS, "Groups whose targets are considered."),
              of(
                      "method",
                      "Distribution",
                      ENUM,
                      "How eligible targets are ranked within a priority tier.")
                  .allowed("priority", "weighted", "roundRobin", "ringTree", "performance")
                  .withDefault("priority"),
              of("floor", "Floor", DECIMAL, "ringTree: the lowest bid or price accepted.")
                  .withDefault(0),
              of(
                      "auction",
                      "Tiers",
                      ENUM,
                      "tiers: a lower priority tier is tried only after every higher one;"
                          + " oneAuction: all tiers compete together (tier breaks ties).")
                  .allowed("tiers", "oneAuction")
                  .withDefault("tiers"),
              of(
                      "pingDeadlineMillis",
                      "Ping deadline (ms)",
                      INTEGER,
                      "ringTree: overall time for bids.")
                  .range(50, 10000)
                  .withDefault(2000),
              of("dialTimeoutSeconds", "Ring time (s)", INTEGER, "How long each candidate rings.")
                  .range(5, 120)
                  .withDefault(30),
              of(
                      "maxAttempts",
                      "Candidates to try",
                      INTEGER,
                      "How many candidates are dialled in turn.")
                  .range(1, 10)
                  .withDefault(3),
              of("record", "Record", BOOLEAN, "Record the connected call.").withDefault(true),
              of(
                      "performanceMetric",
                      "Performance metric",
                      ENUM,
                      "performance: rank by conversion rate or by revenue per call.")
                  .allowed("conversionRate", "revenuePerCall")
                  .withDefault("conversionRate"),
              of(
                      "defaultConversionRate",
                      "Default conversion rate",
                      DECIMAL,
                      "performance: rate assumed for targets without history (0..1).")
                  .withDefault(new BigDecimal("0.10")),
              of(
                      "defaultRevenuePerCall",
                      "Default revenue per call",
                      DECIMAL,
                      "performance: revenue per call assumed for targets without history.")
                  .withDefault(0)),
          List.of(
              new PortSpec(
                  "fallback", "Fallback", true, "When no target is eligible or none answers.")),
          null);

  public RouteHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig c) {
    Settings s = Settings.of(c);
    return s.method()
        + " · "
        + s.targets().size()
        + " target(s), "
        + s.groups().size()
        + " group(s)";
  }

  // ---- checks

  @Override
  public boolean reportUnconnected(FlowNode node, PortSpec port, IssueSink issues) {
    if (!port.name().equals("fallback")) {
      return false;
    }
    issues.error(
        node.id(),
        "port:fallback",
        "route.noFallback",
        "A route needs a fallback for calls no target takes.");
    return true;
  }

  @Override
  public boolean recordsCall(FlowNode node) {
    return Settings.of(node.settings()).record();
  }

  @Override
  public void check(FlowNode n, DirectorySnapshot dir, IssueSink issues) {
    Settings s = Settings.of(n.settings());
    List<String> targets = s.targets();
    List<String> groups = s.groups();
    if (targets.isEmpty() && groups.isEmpty()) {
      issues.error(
          n.id(),
          "targets",
          "route.noTargets",
          "A route needs at least one target or target group.");
    }
    for (String t : targets) {
      var target = dir.target(t);
      if (target.isEmpty()) {
        issues.error(
            n.id(), "targets", "route.unknownTarget", "Unknown target " + FlowJson.quote(t) + ".");
      } else if (!target.get().active()) {
        issues.warn(
            n.id(),
            "targets",
            "route.inactiveTarget",
            "Target " + FlowJson.quote(t) + " is paused.");
      }
    }
    for (String g : groups) {
      var group = dir.targetGroup(g);
      if (group.isEmpty()) {
        issues.error(
            n.id(),
            "groups",
            "route.unknownGroup",
            "Unknown target group " + FlowJson.quote(g) + ".");
        continue;
      }
      for (String t : group.get().targetIds()) {
        if (dir.target(t).isEmpty()) {
          issues.error(
              n.id(),
              "groups",
              "route.unknownTarget",
              "Group " + FlowJson.quote(g) + " names unknown target " + FlowJson.quote(t) + ".");
        }
      }
    }
    if ("ringTree".equals(s.method())) {
      for (String t : dir.expandTargets(targets, groups)) {
        dir.target(t)
            .filter(x -> !x.isRtb() && x.fixedPrice() == null)
            .ifPresent(
                x ->
                    issues.warn(
                        n.id(),
                        "targets",
                        "route.noPrice",
                        "Target "
                            + FlowJson.quote(t)
                            + " has neither a bid endpoint nor a fixed price; it never wins an auction."));
      }
    }
    BigDecimal rate = s.defaultConversionRate();
    if (rate != null && rate.compareTo(BigDecimal.ONE) > 0) {
      issues.error(
          n.id(),
          "defaultConversionRate",
          "setting.range",
          "A conversion rate is between 0 and 1.");
    }
    for (String t : dir.expandTargets(targets, groups)) {
      dir.target(t)
          .map(Target::schedule)
          .filter(schedule -> !SettingsChecks.isZone(schedule.timezone()))
          .ifPresent(
              schedule ->
                  issues.error(
                      n.id(),
                      "targets",
                      "setting.timezone",
                      "Target " + FlowJson.quote(t) + " has an unknown timezone."));
    }
  }

  // ---- execution

  @Override
  public Next enter(FlowNode node, Turn t) {
    Settings s = Settings.of(node.settings());
    t.trace(node.id(), null, "Routing the call.");
    return Next.route(
        new RouteRequest(
            node.id(),
            s.method(),
            t.runtime().prepared(node.id(), RouteTargets.class).ids(),
            s.dialTimeoutSeconds(),
            s.maxAttempts(),
            s.record(),
            s.pingDeadlineMillis()));
  }

  @Override
  public Next resume(FlowNode node, Turn t, CallInput input) {
    if (input instanceof CallInput.RouteFinished r && r.connected()) {
      t.trace(node.id(), null, "Connected to target " + r.targetId() + ".");
      return Next.end(CallOutcome.Ending.CONNECTED, "connected to " + r.targetId());
    }
    t.trace(node.id(), null, "No target took the call; taking the fallback.");
    return Next.port("fallback");
  }

  /** The targets this node considers (its own and its groups'), and their facts for the rules. */
  @Override
  public Object prepare(FlowNode node, DirectorySnapshot directory) {
    Settings s = Settings.of(node.settings());
    return RouteTargets.of(node.id(), directory.expandTargets(s.targets(), s.groups()), directory);
  }

  @Override
  public RouteDecision decide(
      FlowNode node, FlowRuntime runtime, RouteContext context, BidCollector bids) {
    return new RouteDecider(runtime, node).decide(context, bids);
  }

  // ---- rules and the routing table

  @Override
  public void writeRules(FlowNode node, DrlRules drl) {
    EligibilityRules.write(node, drl);
  }

  /**
   * The node's routing policy: its method and floor; under ringTree also the campaign's margin, as
   * an amount over the publisher's payout and as a share of the price (below 100%).
   */
  @Override
  public Optional<RoutingRow> routingRow(FlowNode node, Campaign campaign) {
    Settings s = Settings.of(node.settings());
    BigDecimal payoutPlus = null;
    BigDecimal marginPercent = null;
    if ("ringTree".equals(s.method()) && campaign != null) {
      BigDecimal amount = campaign.marginAmount().amount();
      BigDecimal pct = campaign.marginPercent();
      if (amount.signum() > 0) {
        payoutPlus = amount;
      }
      if (pct.signum() > 0 && pct.compareTo(HUNDRED) < 0) {
        marginPercent = pct;
      }
    }
    return Optional.of(
        new RoutingRow(s.method(), s.oneAuction(), s.floor(), payoutPlus, marginPercent));
  }
}
