package org.ringtree.rules.node.condition;

import static org.ringtree.rules.compiler.DrlRules.quoted;

import java.util.List;
import org.ringtree.rules.compiler.DrlRules;
import org.ringtree.rules.flow.ConditionClause;
import org.ringtree.rules.flow.FlowNode;

/**
 * One DRL rule per clause: it selects the clause's parameters by generated id and reports a hit, so
 * the operator's values reach the engine as data.
 */
final class ClauseRules {
  private ClauseRules() {}

  static void write(FlowNode node, DrlRules drl) {
    List<ConditionClause> clauses = ClauseParams.clauses(node);
    for (int i = 0; i < clauses.size(); i++) {
      ConditionClause c = clauses.get(i);
      String rule = ruleName(node, i);
      String paramId = node.id() + "#" + i;
      String when =
          switch (c.type()) {
            case SCHEDULE -> "    CallTime( $p.schedule().isOpenAt(instant, callerZone) )\n";
            case HISTORY -> history(c);
            default -> DrlRules.comparison(c.operator(), false);
          };
      drl.rule(
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

  static String ruleName(FlowNode node, int clause) {
    return "cond_" + node.id() + "_" + clause;
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
}
