package org.ringtree.rules.node.route;

import static org.ringtree.rules.compiler.DrlRules.quoted;
import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.BOOLEAN;
import static org.ringtree.rules.flow.FieldType.DECIMAL;
import static org.ringtree.rules.flow.FieldType.ENUM;
import static org.ringtree.rules.flow.FieldType.GROUP_REFS;
import static org.ringtree.rules.flow.FieldType.INTEGER;
import static org.ringtree.rules.flow.FieldType.TARGET_REFS;

import java.math.BigDecimal;
import java.util.List;
import org.ringtree.rules.compiler.DrlRules;
import org.ringtree.rules.compiler.KindRules;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.engine.CallInput;
import org.ringtree.rules.engine.CallOutcome;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.NodeExecution;
import org.ringtree.rules.engine.RouteRequest;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeKindHandler;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;
import org.ringtree.rules.validation.IssueSink;
import org.ringtree.rules.validation.KindCheck;
import org.ringtree.rules.validation.SettingsChecks;

/**
 * Sends the call to the best eligible target. Eligibility is DRL (skip rules per target, written
 * here); ranking, pings and the dial plan are the engine's router, which this node hands a {@link
 * RouteRequest}.
 */
public final class RouteHandler implements NodeKindHandler, KindCheck, KindRules, NodeExecution {

  record Settings(
      List<String> targets,
      List<String> groups,
      String method,
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
          c.integer("pingDeadlineMillis", 2000),
          c.integer("dialTimeoutSeconds", 30),
          c.integer("maxAttempts", 3),
          c.bool("record"),
          c.decimal("defaultConversionRate"));
    }
  }

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

  @Override
  public NodeSpec spec() {
    return SPEC;
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
            t.runtime().routeTargets(node.id()),
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

  // ---- rules: one set of skip rules per route node

  @Override
  public void writeRules(FlowNode node, DrlRules drl) {
    String n = node.id();
    String route = "    RouteCheck( nodeId == " + quoted(n) + " )\n";
    String target = "    $t : TargetFact( routeNodeId == " + quoted(n);
    drl.rule(
        "elig_" + n + "_paused",
        n,
        "Skips a target that is paused in the directory.",
        route + target + ", active == false )\n",
        "out.skip(" + quoted("elig_" + n + "_paused") + ", $t.targetId(), \"target is paused\");");
    for (String field : List.of("state", "zip", "areaCode")) {
      String id = "elig_" + n + "_geo_" + field;
      String set = field.equals("areaCode") ? "areaCodes" : field + "s";
      drl.rule(
          id,
          n,
          "Skips a target whose " + field + " list does not contain the caller's " + field + ".",
          route
              + target
              + ", "
              + set
              + ".size() > 0 )\n    not Attr( key == "
              + quoted("caller." + field)
              + ", value memberOf $t."
              + set
              + "() )\n",
          "out.skipGeo(" + quoted(id) + ", $t, " + quoted(field) + ", $t." + set + "());");
    }
    String hours = "elig_" + n + "_hours";
    drl.rule(
        hours,
        n,
        "Skips a target outside its hours of operation or on a holiday, in its timezone.",
        route + target + " )\n    $c : CallTime( !$t.schedule().isOpenAt(instant) )\n",
        "out.skipHours(" + quoted(hours) + ", $t, $c.instant());");
    for (Comparison op : Comparison.values()) {
      String id = "elig_" + n + "_tag_" + op.jsonName();
      drl.rule(
          id,
          n,
          "Skips a target whose tag filter '" + op.jsonName() + "' the call's tags do not satisfy.",
          route
              + "    $p : Param( routeNodeId == "
              + quoted(n)
              + ", op == Comparison."
              + op.name()
              + " )\n"
              + target
              + ", targetId == $p.ownerId() )\n"
              + DrlRules.comparison(op, true),
          "out.skipTag(" + quoted(id) + ", $t, $p);");
    }
    String capT = "elig_" + n + "_cap_target";
    drl.rule(
        capT,
        n,
        "Skips a target whose own cap (concurrency, hourly, daily, monthly or total) is reached.",
        route
            + target
            + " )\n    $cap : CapFact( scope == \"target\", ownerId == $t.targetId() )\n"
            + "    $u : UsageFact( scope == \"target\", ownerId == $t.targetId(), period == $cap.period(), count >= $cap.limit() )\n",
        "out.skipCap("
            + quoted(capT)
            + ", $t, \"target\", $cap.period(), $u.count(), $cap.limit());");
    String capB = "elig_" + n + "_cap_buyer";
    drl.rule(
        capB,
        n,
        "Skips every target of a buyer whose cap (concurrency, hourly, daily, monthly or total) is reached.",
        route
            + target
            + " )\n    $cap : CapFact( scope == \"buyer\", ownerId == $t.buyerId() )\n"
            + "    $u : UsageFact( scope == \"buyer\", ownerId == $t.buyerId(), period == $cap.period(), count >= $cap.limit() )\n",
        "out.skipCap("
            + quoted(capB)
            + ", $t, \"buyer\", $cap.period(), $u.count(), $cap.limit());");
    String capP = "elig_" + n + "_cap_publisher";
    drl.rule(
        capP,
        n,
        "Skips every target when the call's publisher has reached its cap in this campaign.",
        route
            + "    $pub : Attr( key == \"call.publisher\" )\n"
            + "    $cap : CapFact( scope == \"publisher\", ownerId == $pub.value() )\n"
            + "    $u : UsageFact( scope == \"publisher\", ownerId == $cap.ownerId(), period == $cap.period(), count >= $cap.limit() )\n"
            + target
            + " )\n",
        "out.skipCap("
            + quoted(capP)
            + ", $t, \"publisher\", $cap.period(), $u.count(), $cap.limit());");
    String dupT = "elig_" + n + "_dup_target";
    drl.rule(
        dupT,
        n,
        "Skips a target that already had this caller within its duplicate window.",
        route
            + target
            + ", dupScope == org.ringtree.rules.directory.DuplicateRule.Scope.TARGET )\n"
            + "    exists PriorCallFact( targetId == $t.targetId(), ageSeconds <= $t.dupWindowSeconds(), counts($t.dupBasis()) )\n",
        "out.skipDuplicate(" + quoted(dupT) + ", $t, \"target\", $t.dupWindowSeconds());");
    String dupTc = "elig_" + n + "_dup_target_campaign";
    drl.rule(
        dupTc,
        n,
        "Skips a target whose duplicate rule covers the whole campaign when the caller called the campaign within the window.",
        route
            + target
            + ", dupScope == org.ringtree.rules.directory.DuplicateRule.Scope.CAMPAIGN )\n"
            + "    $c : CampaignFact( )\n"
            + "    exists PriorCallFact( campaignId == $c.campaignId(), ageSeconds <= $t.dupWindowSeconds(), counts($t.dupBasis()) )\n",
        "out.skipDuplicate(" + quoted(dupTc) + ", $t, \"campaign\", $t.dupWindowSeconds());");
    String dupC = "elig_" + n + "_dup_campaign";
    drl.rule(
        dupC,
        n,
        "Skips all targets when the campaign's duplicate rule finds an earlier call from this caller within its window.",
        route
            + "    $c : CampaignFact( dupScope == org.ringtree.rules.directory.DuplicateRule.Scope.CAMPAIGN )\n"
            + "    exists PriorCallFact( campaignId == $c.campaignId(), ageSeconds <= $c.dupWindowSeconds(), counts($c.dupBasis()) )\n"
            + target
            + " )\n",
        "out.skipDuplicate(" + quoted(dupC) + ", $t, \"campaign\", $c.dupWindowSeconds());");
    String dupCt = "elig_" + n + "_dup_campaign_target";
    drl.rule(
        dupCt,
        n,
        "Skips a target when the campaign's per-target duplicate rule finds an earlier call from this caller to it within the window.",
        route
            + "    $c : CampaignFact( dupScope == org.ringtree.rules.directory.DuplicateRule.Scope.TARGET )\n"
            + target
            + " )\n"
            + "    exists PriorCallFact( targetId == $t.targetId(), ageSeconds <= $c.dupWindowSeconds(), counts($c.dupBasis()) )\n",
        "out.skipDuplicate(" + quoted(dupCt) + ", $t, \"target\", $c.dupWindowSeconds());");
    String dupB = "elig_" + n + "_dup_buyer";
    drl.rule(
        dupB,
        n,
        "Skips a target whose per-buyer duplicate rule finds an earlier call from this caller to the same buyer within the window.",
        route
            + target
            + ", dupScope == org.ringtree.rules.directory.DuplicateRule.Scope.BUYER )\n"
            + "    exists PriorCallFact( buyerId == $t.buyerId(), ageSeconds <= $t.dupWindowSeconds(), counts($t.dupBasis()) )\n",
        "out.skipDuplicate(" + quoted(dupB) + ", $t, \"buyer\", $t.dupWindowSeconds());");
    String dupCb = "elig_" + n + "_dup_campaign_buyer";
    drl.rule(
        dupCb,
        n,
        "Skips a target when the campaign's per-buyer duplicate rule finds an earlier call from this caller to the same buyer within the window.",
        route
            + "    $c : CampaignFact( dupScope == org.ringtree.rules.directory.DuplicateRule.Scope.BUYER )\n"
            + target
            + " )\n"
            + "    exists PriorCallFact( buyerId == $t.buyerId(), ageSeconds <= $c.dupWindowSeconds(), counts($c.dupBasis()) )\n",
        "out.skipDuplicate(" + quoted(dupCb) + ", $t, \"buyer\", $c.dupWindowSeconds());");
  }
}
