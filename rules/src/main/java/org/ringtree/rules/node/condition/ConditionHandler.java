package org.ringtree.rules.node.condition;

import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.DATE_LIST;
import static org.ringtree.rules.flow.FieldType.ENUM;
import static org.ringtree.rules.flow.FieldType.INTEGER;
import static org.ringtree.rules.flow.FieldType.OBJECT_LIST;
import static org.ringtree.rules.flow.FieldType.STRING;
import static org.ringtree.rules.flow.FieldType.STRING_LIST;
import static org.ringtree.rules.flow.FieldType.TIME;
import static org.ringtree.rules.flow.FieldType.TIMEZONE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ringtree.rules.compiler.DrlRules;
import org.ringtree.rules.compiler.KindRules;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.engine.fact.ConditionCheck;
import org.ringtree.rules.engine.fact.Outcomes;
import org.ringtree.rules.flow.ConditionClause;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;
import org.ringtree.rules.node.KindHandler;
import org.ringtree.rules.validation.IssueSink;

/**
 * Branches on clauses the flow's generated rules decide: one DRL rule per clause, selecting its
 * parameters by id, so the operator's values reach the engine as data.
 */
public final class ConditionHandler extends KindHandler implements KindRules {

  /** {@code all}: every clause must hold; otherwise one is enough. */
  record Settings(boolean all, int clauseCount) {
    static Settings of(NodeConfig c) {
      return new Settings(!"any".equals(c.string("match")), c.objects("clauses").size());
    }
  }

  private static final NodeSpec SPEC =
      new NodeSpec(
          NodeKind.CONDITION,
          "Condition",
          "Logic",
          "Branches on geography, schedule, tags, caller attributes, IVR answers, caller history or"
              + " the call's quality score.",
          List.of(
              of("match", "Match", ENUM, "all: every clause must hold; any: one is enough.")
                  .allowed("all", "any")
                  .withDefault("all"),
              of("clauses", "Clauses", OBJECT_LIST, "The tests.")
                  .mandatory()
                  .items(
                      of("type", "Type", ENUM, "What the clause looks at.")
                          .allowed("geo", "schedule", "tag", "answer", "caller", "history", "score")
                          .mandatory(),
                      of(
                              "field",
                              "Field",
                              STRING,
                              "geo: state, zip, areaCode; caller: number, state, zip, city,"
                                  + " areaCode, country; tag/answer: its name; score: none.")
                          .maxLength(64),
                      of("operator", "Operator", ENUM, "How the field is compared.")
                          .allowed(NodeCatalog.OPERATORS.toArray(String[]::new))
                          .withDefault("equals"),
                      of("value", "Value", STRING, "The value compared with."),
                      of("values", "Values", STRING_LIST, "The list for in / notIn."),
                      of(
                          "timezone",
                          "Timezone",
                          TIMEZONE,
                          "schedule: the timezone of the hours; 'caller' for the caller's own (from their zip)."),
                      of("days", "Days", STRING_LIST, "schedule: MON..SUN; empty means every day."),
                      of("from", "From", TIME, "schedule: opening time, HH:mm."),
                      of("to", "To", TIME, "schedule: closing time, HH:mm (exclusive)."),
                      of("holidays", "Holidays", DATE_LIST, "schedule: closed dates, yyyy-MM-dd."),
                      of("windowDays", "Window (days)", INTEGER, "history: how far back to look.")
                          .range(1, 3650),
                      of("basis", "Counts", ENUM, "history: which earlier calls count.")
                          .allowed("any", "connected", "converted")
                          .withDefault("any"))),
          List.of(
              new PortSpec("true", "True", true, "When the clauses hold."),
              new PortSpec("false", "False", true, "Otherwise.")),
          null);

  public ConditionHandler() {
    super(SPEC);
  }

  @Override
  public String summary(NodeConfig c) {
    return "match " + c.string("match") + " · " + Settings.of(c).clauseCount() + " test(s)";
  }

  @Override
  public void check(FlowNode node, DirectorySnapshot directory, IssueSink issues) {
    ClauseChecks.check(node, issues);
  }

  @Override
  public void writeRules(FlowNode node, DrlRules drl) {
    ClauseRules.write(node, drl);
  }

  // ---- execution

  /** The clauses and their parameter facts, built once per version. */
  @Override
  public Object prepare(FlowNode node, DirectorySnapshot directory) {
    return ClauseParams.of(node);
  }

  @Override
  public Next enter(FlowNode node, Turn t) {
    ClauseParams prepared = t.runtime().prepared(node.id(), ClauseParams.class);
    List<Object> facts = new ArrayList<>();
    facts.add(new ConditionCheck(node.id()));
    facts.addAll(prepared.params());
    Outcomes out = t.decide(facts);
    List<ConditionClause> cs = prepared.clauses();
    Set<String> hits = new HashSet<>(out.hits());
    boolean all = Settings.of(node.settings()).all();
    boolean result = all;
    List<String> held = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      String rule = ClauseRules.ruleName(node, i);
      boolean hit = hits.contains(rule);
      if (hit) {
        held.add(rule);
      }
      result = all ? result && hit : result || hit;
    }
    String port = result ? "true" : "false";
    t.trace(
        node.id(),
        held.isEmpty() ? null : String.join(",", held),
        "Condition is "
            + port
            + " ("
            + held.size()
            + " of "
            + cs.size()
            + " clauses held, match "
            + (all ? "all" : "any")
            + ").");
    return Next.port(port);
  }
}
