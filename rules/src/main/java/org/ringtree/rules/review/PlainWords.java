package org.ringtree.rules.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns decision-table cells (FEEL unary tests and output expressions) into plain words. What it
 * does not recognise it quotes verbatim, so nothing in a cell is ever hidden from the reader.
 */
final class PlainWords {

  private static final Pattern COMPARE = Pattern.compile("(<=|>=|<|>|=)\\s*(.+)");
  private static final Pattern RANGE =
      Pattern.compile("([\\[\\]()])\\s*([^.]+?)\\s*\\.\\.\\s*([^\\[\\]()]+?)\\s*([\\[\\]()])");
  private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

  /** Output columns that carry bookkeeping (the row id) rather than a decision. */
  static final String ROW_COLUMN = "Row";

  private PlainWords() {}

  static String row(
      List<DecisionTable.Column> inputs,
      List<String> inputEntries,
      List<DecisionTable.Column> outputs,
      List<String> outputEntries) {
    List<String> when = new ArrayList<>();
    for (int i = 0; i < inputEntries.size(); i++) {
      String label = i < inputs.size() ? inputs.get(i).label() : "input " + (i + 1);
      String test = test(label, inputEntries.get(i));
      if (test != null) {
        when.add(test);
      }
    }
    List<String> then = new ArrayList<>();
    for (int i = 0; i < outputEntries.size(); i++) {
      String label = i < outputs.size() ? outputs.get(i).label() : "output " + (i + 1);
      if (!ROW_COLUMN.equals(label)) {
        then.add(label + " is " + value(outputEntries.get(i)));
      }
    }
    String condition = when.isEmpty() ? "In every case" : "When " + String.join(" and ", when);
    return condition + ": " + String.join(", ", then) + ".";
  }

  /** One input cell as a clause, or null when the cell matches anything. */
  static String test(String label, String cell) {
    String c = cell == null ? "" : cell.strip();
    if (c.isEmpty() || c.equals("-")) {
      return null;
    }
    if (c.startsWith("not(") && c.endsWith(")")) {
      String inner = test(label, c.substring(4, c.length() - 1));
      return inner == null ? label + " matches nothing" : "not (" + inner + ")";
    }
    if (c.equals("true") || c.equals("false")) {
      return label + " is " + (c.equals("true") ? "yes" : "no");
    }
    Matcher range = RANGE.matcher(c);
    if (range.matches()) {
      String low = range.group(2);
      String high = range.group(3);
      boolean lowIn = range.group(1).equals("[");
      boolean highIn = range.group(4).equals("]");
      return label
          + " is "
          + (lowIn ? "at least " : "over ")
          + low
          + " and "
          + (highIn ? "at most " : "under ")
          + high;
    }
    Matcher cmp = COMPARE.matcher(c);
    if (cmp.matches()) {
      String v = value(cmp.group(2));
      return label
          + switch (cmp.group(1)) {
            case "<" -> " is under " + v;
            case "<=" -> " is at most " + v;
            case ">" -> " is over " + v;
            case ">=" -> " is at least " + v;
            default -> " is " + v;
          };
    }
    List<String> parts = splitList(c);
    if (parts.size() > 1) {
      return label
          + " is one of "
          + String.join(", ", parts.stream().map(PlainWords::value).toList());
    }
    return label + " is " + value(c);
  }

  /** An output expression or literal: strings unquoted, anything else verbatim. */
  static String value(String cell) {
    String c = cell == null ? "" : cell.strip();
    Matcher q = QUOTED.matcher(c);
    if (q.matches()) {
      return unescape(q.group(1));
    }
    if (c.equals("true")) {
      return "yes";
    }
    if (c.equals("false")) {
      return "no";
    }
    return c;
  }

  private static List<String> splitList(String c) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inString = false;
    int depth = 0;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (inString) {
        cur.append(ch);
        if (ch == '\\' && i + 1 < c.length()) {
          cur.append(c.charAt(++i));
        } else if (ch == '"') {
          inString = false;
        }
        continue;
      }
      switch (ch) {
        case '"' -> {
          inString = true;
          cur.append(ch);
        }
        case '(', '[' -> {
          depth++;
          cur.append(ch);
        }
        case ')', ']' -> {
          depth--;
          cur.append(ch);
        }
        case ',' -> {
          if (depth == 0) {
            out.add(cur.toString().strip());
            cur.setLength(0);
          } else {
            cur.append(ch);
          }
        }
        default -> cur.append(ch);
      }
    }
    out.add(cur.toString().strip());
    return out;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '\\' && i + 1 < s.length()) {
        char next = s.charAt(++i);
        out.append(
            switch (next) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> next;
            });
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
