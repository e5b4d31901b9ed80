package org.ringtree.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables a Java source file's SQL names and the ones it writes, read from its string literals.
 * Literals joined by {@code +} are one statement, as the stores write them; only names of tables
 * the migrations create count, so prose in messages is not mistaken for SQL.
 */
record StoreSql(Set<String> named, Set<String> written) {

  private static final Pattern TABLE =
      Pattern.compile(
          "\\b(from|join|into|update|table|references|using|truncate)\\s+([a-z_][a-z0-9_]*)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern LOCKING =
      Pattern.compile("\\bfor\\s+(no\\s+key\\s+)?(update|share)\\b", Pattern.CASE_INSENSITIVE);

  /** Tables of {@code tables} that {@code javaSource} names in its SQL, and those it writes. */
  static StoreSql of(String javaSource, Set<String> tables) {
    Set<String> named = new TreeSet<>();
    Set<String> written = new TreeSet<>();
    for (String statement : statements(javaSource)) {
      boolean locks = LOCKING.matcher(statement).find();
      Matcher m = TABLE.matcher(statement);
      while (m.find()) {
        String table = m.group(2).toLowerCase(Locale.ROOT);
        if (!tables.contains(table)) {
          continue;
        }
        named.add(table);
        String keyword = m.group(1).toLowerCase(Locale.ROOT);
        String before =
            statement.substring(Math.max(0, m.start() - 12), m.start()).toLowerCase(Locale.ROOT);
        boolean writes =
            switch (keyword) {
              case "into" -> before.matches("(?s).*\\b(insert|merge)\\s*");
              case "truncate" -> true;
              // "ON CONFLICT ... DO UPDATE SET" and "FOR UPDATE" name no table
              case "update" -> !before.matches("(?s).*\\b(do|for|key)\\s*");
              case "from" -> before.matches("(?s).*\\bdelete\\s*") || locks;
              case "join" -> locks;
              case "table" -> before.matches("(?s).*\\b(lock|truncate|alter|drop)\\s*");
              default -> false;
            };
        if (writes) {
          written.add(table);
        }
      }
    }
    return new StoreSql(named, written);
  }

  /**
   * The source's string literals, those joined only by {@code +} concatenated into one; comments
   * and character literals are skipped, so a {@code //} inside a URL stays part of its string.
   */
  static List<String> statements(String javaSource) {
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    boolean joined = false;
    int i = 0;
    int n = javaSource.length();
    while (i < n) {
      char c = javaSource.charAt(i);
      if (javaSource.startsWith("//", i)) {
        int eol = javaSource.indexOf('\n', i);
        i = eol < 0 ? n : eol;
      } else if (javaSource.startsWith("/*", i)) {
        int close = javaSource.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
      } else if (c == '\'') {
        i = skipQuoted(javaSource, i + 1, '\'');
      } else if (c == '"') {
        boolean block = javaSource.startsWith("\"\"\"", i);
        int from = i + (block ? 3 : 1);
        int to = block ? javaSource.indexOf("\"\"\"", from) : skipQuoted(javaSource, from, '"') - 1;
        String text = javaSource.substring(from, to < 0 ? n : to);
        i = to < 0 ? n : to + (block ? 3 : 1);
        if (current != null && joined) {
          current.append(text);
        } else {
          if (current != null) {
            out.add(current.toString());
          }
          current = new StringBuilder(text);
        }
        joined = true;
      } else {
        // a literal continues the statement only if nothing but "+" came between
        if (c != '+' && !Character.isWhitespace(c)) {
          joined = false;
        }
        i++;
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    return out;
  }

  /** The index just past the closing {@code quote}, honouring backslash escapes. */
  private static int skipQuoted(String source, int from, char quote) {
    int i = from;
    while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return Math.min(i + 1, source.length());
  }
}
