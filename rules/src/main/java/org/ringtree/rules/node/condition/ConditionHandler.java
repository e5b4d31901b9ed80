package org.ringtree.rules.node.condition;

import static org.ringtree.rules.compiler.DrlRules.quoted;
import static org.ringtree.rules.flow.FieldSpec.of;
import static org.ringtree.rules.flow.FieldType.DATE_LIST;
import static org.ringtree.rules.flow.FieldType.ENUM;
import static org.ringtree.rules.flow.FieldType.INTEGER;
import static org.ringtree.rules.flow.FieldType.OBJECT_LIST;
import static org.ringtree.rules.flow.FieldType.STRING;
import static org.ringtree.rules.flow.FieldType.STRING_LIST;
import static org.ringtree.rules.flow.FieldType.TIME;
import static org.ringtree.rules.flow.FieldType.TIMEZONE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.ringtree.rules.compiler.DrlRules;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.compiler.KindRules;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.engine.Next;
import org.ringtree.rules.engine.NodeExecution;
import org.ringtree.rules.engine.Turn;
import org.ringtree.rules.engine.fact.ConditionCheck;
import org.ringtree.rules.engine.fact.Outcomes;
import org.ringtree.rules.flow.ConditionClause;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeConfig;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.NodeKindHandler;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.flow.PortSpec;
import org.ringtree.rules.validation.IssueSink;
import org.ringtree.rules.validation.KindCheck;

/**
 * Branches on clauses the flow's generated rules decide: one DRL rule per clause, selecting its
 * parameters by id, so the operator's values reach the engine as data.
 */
public final class ConditionHandler
    implements NodeKindHandler, KindCheck, KindRules, NodeExecution {

  static final int MAX_REGEX = 500;

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
          "Branches on geography, schedule, tags, caller attributes, IVR answers or caller history.",
          List.of(
              of("match", "Match", ENUM, "all: every clause must hold; any: one is enough.")
                  .allowed("all", "any")
                  .withDefault("all"),
              of("clauses", "Clauses", OBJECT_LIST, "The tests.")
                  .mandatory()
                  .items(
                      of("type", "Type", ENUM, "What the clause looks at.")
                          .allowed("geo", "schedule", "tag", "answer", "caller", "history")
                          .mandatory(),
                      of(
                              "field",
                              "Field",
                              STRING,
                              "geo: state, zip, areaCode; caller: number, state, zip, city,"
                                  + " areaCode, country; tag/answer: its name.")
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

  @Override
  public NodeSpec spec() {
    return SPEC;
  }

  @Override
  public String summary(NodeConfig c) {
    return "match " + c.string("match") + " · " + Settings.of(c).clauseCount() + " test(s)";
  }

  // ---- checks

  @Override
  public void check(FlowNode n, DirectorySnapshot directory, IssueSink issues) {
    List<Map<String, Object>> items = n.settings().objects("clauses");
    List<ConditionClause> parsed = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String prefix = "clauses[" + i + "].";
      ConditionClause clause;
      try {
        clause = ConditionClause.parse(items.get(i));
      } catch (IllegalArgumentException e) {
        issues.error(
            n.id(),
            prefix + e.getMessage(),
            "condition.invalid",
            "This clause setting is invalid or missing.");
        continue;
      }
      if (clause(n, prefix, clause, issues)) {
        parsed.add(clause);
      }
    }
    if ("all".equals(n.settings().string("match"))) {
      contradictions(n, parsed, issues);
    }
  }

  /** Checks one clause; returns whether it is usable. */
  private static boolean clause(FlowNode n, String prefix, ConditionClause cl, IssueSink issues) {
    Comparison op = cl.operator();
    switch (cl.type()) {
      case GEO -> {
        if (!ConditionClause.GEO_FIELDS.contains(cl.field())) {
          issues.error(
              n.id(),
              prefix + "field",
              "condition.field",
              "Geo clauses test state, zip or areaCode.");
          return false;
        }
      }
      case CALLER -> {
        if (!ConditionClause.CALLER_FIELDS.contains(cl.field())) {
          issues.error(
              n.id(),
              prefix + "field",
              "condition.field",
              "Caller clauses test " + String.join(", ", ConditionClause.CALLER_FIELDS) + ".");
          return false;
        }
      }
      case TAG, ANSWER -> {
        if (cl.field() == null || !IssueSink.NAME.matcher(cl.field()).matches()) {
          issues.error(
              n.id(),
              prefix + "field",
              "condition.field",
              "Name the tag or answer (letters, digits, '.', '-', '_').");
          return false;
        }
      }
      case SCHEDULE -> {
        return true;
      }
      case HISTORY -> {
        return history(n, prefix, cl, issues);
      }
    }
    if (op.listValued()) {
      if (cl.values().isEmpty()) {
        if (op == Comparison.IN) {
          issues.error(
              n.id(),
              prefix + "values",
              "condition.neverTrue",
              "'in' an empty list can never be true.");
          return false;
        }
        issues.warn(
            n.id(),
            prefix + "values",
            "condition.alwaysTrue",
            "'notIn' an empty list is always true.");
      }
    } else if (op == Comparison.REGEX) {
      return regex(n, prefix, cl, issues);
    } else if (op.numeric()) {
      if (cl.number() == null) {
        issues.error(
            n.id(), prefix + "value", "condition.value", "This comparison needs a number.");
        return false;
      }
    } else if (op != Comparison.EXISTS && cl.value() == null) {
      issues.error(
          n.id(), prefix + "value", "condition.value", "A value to compare with is required.");
      return false;
    }
    return true;
  }

  private static boolean history(FlowNode n, String prefix, ConditionClause cl, IssueSink issues) {
    Comparison op = cl.operator();
    if (!op.numeric() && op != Comparison.EQUALS && op != Comparison.NOT_EQUALS) {
      issues.error(
          n.id(), prefix + "operator", "condition.operator", "History clauses compare a count.");
      return false;
    }
    BigDecimal count = cl.number();
    if (count == null) {
      issues.error(
          n.id(),
          prefix + "value",
          "condition.value",
          "History clauses compare with a number of calls.");
      return false;
    }
    if (count.signum() < 0 || op == Comparison.LT && count.signum() == 0) {
      issues.error(
          n.id(),
          prefix + "value",
          "condition.neverTrue",
          "A call count is never below zero; this clause can never be true.");
      return false;
    }
    return true;
  }

  private static boolean regex(FlowNode n, String prefix, ConditionClause cl, IssueSink issues) {
    if (cl.value() == null || cl.value().length() > MAX_REGEX) {
      issues.error(
          n.id(),
          prefix + "value",
          "condition.regex",
          "A pattern of at most " + MAX_REGEX + " characters is needed.");
      return false;
    }
    try {
      Pattern.compile(cl.value());
    } catch (PatternSyntaxException e) {
      issues.error(
          n.id(),
          prefix + "value",
          "condition.regex",
          "Not a valid pattern: " + FlowJson.quote(e.getDescription()));
      return false;
    }
    return true;
  }

  /** Clauses that, all together, can never hold (decidable cases on one attribute). */
  private static void contradictions(FlowNode n, List<ConditionClause> clauses, IssueSink issues) {
    Map<String, String> equals = new HashMap<>();
    Map<String, Set<String>> allowed = new HashMap<>();
    for (ConditionClause cl : clauses) {
      String key = cl.attributeKey();
      if (key == null) {
        continue;
      }
      if (cl.operator() == Comparison.EQUALS) {
        String prev = equals.putIfAbsent(key, cl.value());
        if (prev != null && !prev.equals(cl.value())) {
          neverTrue(n, key, issues);
          return;
        }
      }
      if (cl.operator() == Comparison.IN) {
        Set<String> vs = new HashSet<>(cl.values());
        allowed.merge(
            key,
            vs,
            (a, b) -> {
              Set<String> s = new HashSet<>(a);
              s.retainAll(b);
              return s;
            });
      }
    }
    for (ConditionClause cl : clauses) {
      String key = cl.attributeKey();
      if (key == null) {
        continue;
      }
      String eq = equals.get(key);
      Set<String> in = allowed.get(key);
      boolean contradiction =
          (cl.operator() == Comparison.NOT_EQUALS && Objects.equals(eq, cl.value()))
              || (cl.operator() == Comparison.NOT_IN && eq != null && cl.values().contains(eq))
              || (in != null && in.isEmpty())
              || (in != null && eq != null && !in.contains(eq));
      if (contradiction) {
        neverTrue(n, key, issues);
        return;
      }
    }
  }

  private static void neverTrue(FlowNode n, String key, IssueSink issues) {
    issues.error(
        n.id(),
        "clauses",
        "condition.neverTrue",
        "The clauses on " + key + " contradict each other; the condition can never be true.");
  }

  // ---- rules

  @Override
  public void writeRules(FlowNode node, DrlRules drl) {
    List<ConditionClause> clauses = FlowCompiler.clauses(node);
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

  private static String ruleName(FlowNode node, int clause) {
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

  // ---- execution

  @Override
  public Next enter(FlowNode node, Turn t) {
    List<Object> facts = new ArrayList<>();
    facts.add(new ConditionCheck(node.id()));
    facts.addAll(t.runtime().conditionParams(node.id()));
    Outcomes out = t.decide(facts);
    List<ConditionClause> cs = t.runtime().clauses(node.id());
    Set<String> hits = new HashSet<>(out.hits());
    boolean all = Settings.of(node.settings()).all();
    boolean result = all;
    List<String> held = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      String rule = ruleName(node, i);
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
