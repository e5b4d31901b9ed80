package org.ringtree.rules.node.route;

import static org.ringtree.rules.compiler.DrlRules.quoted;

import java.util.List;
import org.ringtree.rules.compiler.DrlRules;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.flow.FlowNode;

/**
 * The skip rules of one route node: paused, geography, hours, tag filters, caps and duplicate
 * callers, each a named rule that says why a target is not eligible for this call.
 */
final class EligibilityRules {
  private EligibilityRules() {}

  static void write(FlowNode node, DrlRules drl) {
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
