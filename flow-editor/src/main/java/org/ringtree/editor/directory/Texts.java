package org.ringtree.editor.directory;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading typed and pasted text: whole numbers, amounts, lists and key=value lines. */
final class Texts {

  private Texts() {}

  /** Empty text: null; otherwise a whole number at least {@code min}, or the problem sentence. */
  static Integer wholeOrNull(String text, int min, String field, Problems p, String what) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      int v = Integer.parseInt(t);
      if (v >= min) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through to the sentence below
    }
    p.add(field, what + "; got \"" + t + "\"");
    return null;
  }

  static int whole(String text, int min, int fallback, String field, Problems p, String what) {
    Integer v = wholeOrNull(text, min, field, p, what);
    return v == null ? fallback : v;
  }

  /** Empty text: null; otherwise a decimal amount at least 0. */
  static BigDecimal amountOrNull(String text, String field, Problems p, String what) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      BigDecimal v = new BigDecimal(t);
      if (v.signum() >= 0) {
        return v;
      }
    } catch (NumberFormatException e) {
      // falls through to the sentence below
    }
    p.add(field, what + "; got \"" + t + "\"");
    return null;
  }

  /** Items separated by commas, spaces or new lines (what a pasted column or row looks like). */
  static List<String> items(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isEmpty()).toList();
  }

  static List<String> lines(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** "key=value" lines (or "key: value"); a line without a separator is the problem. */
  static Map<String, String> pairs(String text, String field, Problems p, String what) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : lines(text)) {
      int at = line.indexOf('=');
      if (at < 0) {
        at = line.indexOf(':');
      }
      if (at <= 0) {
        p.add(field, what + "; got \"" + line + "\"");
        continue;
      }
      out.put(line.substring(0, at).strip(), line.substring(at + 1).strip());
    }
    return out;
  }

  static String pairsText(Map<String, String> map) {
    StringBuilder sb = new StringBuilder();
    map.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
    return sb.toString().strip();
  }

  static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  static String plain(BigDecimal value) {
    return value == null ? "" : value.toPlainString();
  }
}
