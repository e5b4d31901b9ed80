package org.ringtree.rules.node.condition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.engine.fact.Param;
import org.ringtree.rules.flow.ConditionClause;
import org.ringtree.rules.flow.FlowNode;

/**
 * What a condition node's version holds for every call, built once when the version loads: its
 * typed clauses and one parameter fact per clause ({@code <node>#<i>}, the id its DRL rule
 * selects), which carries the operator's values into the rules as data.
 */
record ClauseParams(List<ConditionClause> clauses, List<Object> params) {

  ClauseParams {
    clauses = List.copyOf(clauses);
    params = List.copyOf(params);
  }

  static ClauseParams of(FlowNode node) {
    List<ConditionClause> cs = clauses(node);
    List<Object> params = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      params.add(param(node.id() + "#" + i, node.id(), cs.get(i)));
    }
    return new ClauseParams(cs, params);
  }

  /** The typed clauses of a (validated) condition node. */
  static List<ConditionClause> clauses(FlowNode node) {
    return node.settings().objects("clauses").stream().map(ConditionClause::parse).toList();
  }

  private static Param param(String id, String ownerId, ConditionClause c) {
    Pattern pattern = null;
    if (c.operator() == Comparison.REGEX && c.value() != null) {
      pattern = Pattern.compile(c.value());
    }
    long window = c.windowDays() == null ? 0 : c.windowDays() * 86_400L;
    return new Param(
        id,
        ownerId,
        c.attributeKey(),
        c.operator(),
        c.value(),
        Set.copyOf(c.values()),
        c.number(),
        pattern,
        c.schedule(),
        window,
        c.basis(),
        null);
  }
}
