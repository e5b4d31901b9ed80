package org.ringtree.rules.node.condition;

import java.util.TreeSet;
import org.ringtree.rules.flow.ConditionClause;

/**
 * One-sentence descriptions for the rule index. They quote operator values for people to read; they
 * are stored next to the rules, never inside them.
 */
final class Describe {
  private Describe() {}

  static String clause(ConditionClause c) {
    return switch (c.type()) {
      case SCHEDULE ->
          "True when the call arrives within "
              + c.schedule().describeHours()
              + " "
              + (org.ringtree.rules.directory.Schedule.CALLER.equals(c.schedule().timezone())
                  ? "in the caller's time zone (closed when it is unknown)"
                  : c.schedule().timezone())
              + (c.schedule().holidays().isEmpty() ? "" : ", except holidays")
              + ".";
      case HISTORY ->
          "True when the caller's earlier "
              + switch (c.basis()) {
                case ANY_CALL -> "calls";
                case CONNECTED -> "connected calls";
                case CONVERTED -> "converted calls";
              }
              + " within "
              + c.windowDays()
              + " days number "
              + op(c)
              + " "
              + c.value()
              + ".";
      default -> "True when " + subject(c) + " " + op(c) + value(c) + ".";
    };
  }

  private static String subject(ConditionClause c) {
    return switch (c.type()) {
      case GEO, CALLER -> "the caller's " + c.field();
      case TAG -> "tag " + clip(c.field());
      case ANSWER -> "IVR answer " + clip(c.field());
      case SCORE -> "the call's quality score";
      default -> "";
    };
  }

  private static String op(ConditionClause c) {
    return switch (c.operator()) {
      case EQUALS -> "equals";
      case NOT_EQUALS -> "does not equal";
      case IN -> "is one of";
      case NOT_IN -> "is none of";
      case REGEX -> "matches the pattern";
      case GT -> "is greater than";
      case GTE -> "is at least";
      case LT -> "is less than";
      case LTE -> "is at most";
      case EXISTS -> "is set";
    };
  }

  private static String value(ConditionClause c) {
    if (c.operator() == org.ringtree.rules.directory.Comparison.EXISTS) {
      return "";
    }
    if (c.operator().listValued()) {
      return " " + clip(String.join(", ", new TreeSet<>(c.values())));
    }
    return " " + clip(c.value());
  }

  static String clip(String s) {
    if (s == null) {
      return "(none)";
    }
    String clean = s.replaceAll("\\p{Cntrl}", " ");
    return clean.length() > 80 ? clean.substring(0, 80) + "…" : clean;
  }
}
