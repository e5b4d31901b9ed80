package org.ringtree.rules.node.condition;

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
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.flow.ConditionClause;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.validation.IssueSink;

/**
 * A condition's own checks: each clause usable for its type and operator, and (under {@code all})
 * no decidable contradiction between clauses on one attribute.
 */
final class ClauseChecks {

  static final int MAX_REGEX = 500;

  private ClauseChecks() {}

  static void check(FlowNode n, IssueSink issues) {
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
      case SCORE -> {
        return score(n, prefix, cl, issues);
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

  private static boolean score(FlowNode n, String prefix, ConditionClause cl, IssueSink issues) {
    Comparison op = cl.operator();
    if (!op.numeric()) {
      issues.error(
          n.id(),
          prefix + "operator",
          "condition.operator",
          "Score clauses compare with greater, at least, less or at most.");
      return false;
    }
    BigDecimal value = cl.number();
    if (value == null
        || value.compareTo(BigDecimal.ZERO) < 0
        || value.compareTo(BigDecimal.valueOf(100)) > 0) {
      issues.error(
          n.id(),
          prefix + "value",
          "condition.value",
          "Score clauses compare with a number from 0 to 100.");
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
}
