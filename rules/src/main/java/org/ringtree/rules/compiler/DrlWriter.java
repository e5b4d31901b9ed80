package org.ringtree.rules.compiler;

import static org.ringtree.rules.compiler.Literals.quoted;

import java.util.List;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.flow.ConditionClause;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;

/**
 * Generates the DRL of a flow from its typed model. Rules select their parameters by generated id
 * ({@code Param(id == "c1#0")}) and compare call attributes with the parameter's fields, so the
 * only literals in the text are node ids and generated names.
 */
final class DrlWriter {

  static final String PACKAGE = "org.ringtree.rules.generated";

  private final StringBuilder out = new StringBuilder();
  private final List<RuleIndexEntry> index;

  DrlWriter(List<RuleIndexEntry> index) {
    this.index = index;
  }

  String write(FlowDocument flow) {
    out.append("package ").append(PACKAGE).append(";\n\n");
    for (String type :
        List.of(
            "Attr",
            "CallTime",
            "CampaignFact",
            "CapFact",
            "ConditionCheck",
            "Param",
            "PriorCallFact",
            "RouteCheck",
            "TargetFact",
            "UsageFact")) {
      out.append("import org.ringtree.rules.engine.fact.").append(type).append(";\n");
    }
    out.append("import org.ringtree.rules.directory.Comparison;\n");
    out.append("\nglobal org.ringtree.rules.engine.fact.Outcomes out;\n");
    for (FlowNode node : FlowCompiler.sortedNodes(flow)) {
      if (node.kind() == NodeKind.CONDITION) {
        condition(node);
      } else if (node.kind() == NodeKind.ROUTE) {
        eligibility(node);
      }
    }
    return out.toString();
  }

  private void condition(FlowNode node) {
    List<ConditionClause> clauses = FlowCompiler.clauses(node);
    for (int i = 0; i < clauses.size(); i++) {
      ConditionClause c = clauses.get(i);
      String rule = "cond_" + node.id() + "_" + i;
      String paramId = node.id() + "#" + i;
      String when =
          switch (c.type()) {
            case SCHEDULE -> "    CallTime( $p.schedule().isOpenAt(instant, callerZone) )\n";
            case HISTORY -> history(c);
            default -> comparison(c.operator(), false);
          };
      rule(
          rule,
          node.id(),
          Describe.clause(c),
          "    ConditionCheck( nodeId == "
              + quoted(node.id())
              + " )\n    $p : Param( id == "
              + quoted(paramId)
              + " )\n"
              + when,
          "out.hit(" + quoted(rule) + ");");
    }
  }

  private static String history(ConditionClause c) {
    String basis =
        switch (c.basis()) {
          case ANY_CALL -> "";
          case CONNECTED -> ", connected == true";
          case CONVERTED -> ", converted == true";
        };
    String cmp =
        switch (c.operator()) {
          case GT -> ">";
          case GTE -> ">=";
          case LT -> "<";
          case LTE -> "<=";
          case NOT_EQUALS -> "!=";
          default -> "==";
        };
    return "    Number( longValue "
        + cmp
        + " $p.count() ) from accumulate( PriorCallFact( ageSeconds <= $p.windowSeconds()"
        + basis
        + " ), count( 1 ) )\n";
  }

  /**
   * The pattern that holds when the call attribute {@code $p.key} satisfies the comparison; with
   * {@code negate}, the pattern that holds when it does not (for skip rules).
   */
  static String comparison(Comparison op, boolean negate) {
    String attr;
    boolean positive;
    switch (op) {
      case EQUALS -> {
        attr = "Attr( key == $p.key(), value == $p.value() )";
        positive = true;
      }
      case NOT_EQUALS -> {
        attr = "Attr( key == $p.key(), value == $p.value() )";
        positive = false;
      }
      case IN -> {
        attr = "Attr( key == $p.key(), value memberOf $p.values() )";
        positive = true;
      }
      case NOT_IN -> {
        attr = "Attr( key == $p.key(), value memberOf $p.values() )";
        positive = false;
      }
      case REGEX -> {
        attr = "Attr( key == $p.key(), $p.matches(value) )";
        positive = true;
      }
      case GT -> {
        attr = "Attr( key == $p.key(), number != null, $p.compare(number) > 0 )";
        positive = true;
      }
      case GTE -> {
        attr = "Attr( key == $p.key(), number != null, $p.compare(number) >= 0 )";
        positive = true;
      }
      case LT -> {
        attr = "Attr( key == $p.key(), number != null, $p.compare(number) < 0 )";
        positive = true;
      }
      case LTE -> {
        attr = "Attr( key == $p.key(), number != null, $p.compare(number) <= 0 )";
        positive = true;
      }
      case EXISTS -> {
        attr = "Attr( key == $p.key() )";
        positive = true;
      }
      default -> throw new IllegalStateException();
    }
    boolean holdsWhenPresent = positive != negate;
    return "    " + (holdsWhenPresent ? "" : "not ") + attr + "\n";
  }

  private void eligibility(FlowNode node) {
    String n = node.id();
    String route = "    RouteCheck( nodeId == " + quoted(n) + " )\n";
    String target = "    $t : TargetFact( routeNodeId == " + quoted(n);
    rule(
        "elig_" + n + "_paused",
        n,
        "Skips a target that is paused in the directory.",
        route + target + ", active == false )\n",
        "out.skip(" + quoted("elig_" + n + "_paused") + ", $t.targetId(), \"target is paused\");");
    for (String field : List.of("state", "zip", "areaCode")) {
      String id = "elig_" + n + "_geo_" + field;
      String set = field.equals("areaCode") ? "areaCodes" : field + "s";
      rule(
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
    rule(
        hours,
        n,
        "Skips a target outside its hours of operation or on a holiday, in its timezone.",
        route + target + " )\n    $c : CallTime( !$t.schedule().isOpenAt(instant) )\n",
        "out.skipHours(" + quoted(hours) + ", $t, $c.instant());");
    for (Comparison op : Comparison.values()) {
      String id = "elig_" + n + "_tag_" + op.jsonName();
      rule(
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
              + comparison(op, true),
          "out.skipTag(" + quoted(id) + ", $t, $p);");
    }
    String capT = "elig_" + n + "_cap_target";
    rule(
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
    rule(
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
    rule(
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
    rule(
        dupT,
        n,
        "Skips a target that already had this caller within its duplicate window.",
        route
            + target
            + ", dupScope == org.ringtree.rules.directory.DuplicateRule.Scope.TARGET )\n"
            + "    exists PriorCallFact( targetId == $t.targetId(), ageSeconds <= $t.dupWindowSeconds(), counts($t.dupBasis()) )\n",
        "out.skipDuplicate(" + quoted(dupT) + ", $t, \"target\", $t.dupWindowSeconds());");
    String dupTc = "elig_" + n + "_dup_target_campaign";
    rule(
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
    rule(
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
    rule(
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
    rule(
        dupB,
        n,
        "Skips a target whose per-buyer duplicate rule finds an earlier call from this caller to the same buyer within the window.",
        route
            + target
            + ", dupScope == org.ringtree.rules.directory.DuplicateRule.Scope.BUYER )\n"
            + "    exists PriorCallFact( buyerId == $t.buyerId(), ageSeconds <= $t.dupWindowSeconds(), counts($t.dupBasis()) )\n",
        "out.skipDuplicate(" + quoted(dupB) + ", $t, \"buyer\", $t.dupWindowSeconds());");
    String dupCb = "elig_" + n + "_dup_campaign_buyer";
    rule(
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

  private void rule(String name, String nodeId, String description, String when, String then) {
    index.add(new RuleIndexEntry(name, "drl", nodeId, description));
    out.append("\nrule ")
        .append(quoted(name))
        .append("\n    @ringtreeNode(")
        .append(quoted(nodeId))
        .append(")\nwhen\n")
        .append(when)
        .append("then\n    ")
        .append(then)
        .append("\nend\n");
  }
}
