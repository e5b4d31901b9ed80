package org.ringtree.rules.compiler;

import java.util.List;
import org.ringtree.rules.directory.Comparison;

/**
 * The DRL being written for one flow, as node kinds see it: named rules, each recorded in the rule
 * index with the node it belongs to, and the shared ways to compare a call attribute. Every literal
 * goes through {@link #quoted}, so operator text never becomes rule code.
 */
public final class DrlRules {
  private final StringBuilder out;
  private final List<RuleIndexEntry> index;

  DrlRules(StringBuilder out, List<RuleIndexEntry> index) {
    this.out = out;
    this.index = index;
  }

  /** A DRL string literal of an id or generated name. */
  public static String quoted(String s) {
    return Literals.quoted(s);
  }

  public void rule(String name, String nodeId, String description, String when, String then) {
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

  /**
   * The pattern that holds when the call attribute {@code $p.key} satisfies the comparison; with
   * {@code negate}, the pattern that holds when it does not (for skip rules).
   */
  public static String comparison(Comparison op, boolean negate) {
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
}
