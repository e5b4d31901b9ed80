package org.ringtree.rules.compiler;

import java.util.regex.Pattern;

/**
 * The only way text reaches generated code. Identifiers that appear in DRL, FEEL or YAML must be
 * from a tiny safe alphabet (node ids and generated names); anything else is refused, so no
 * operator text can ever be pasted into code.
 */
final class Literals {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_#:.-]{1,200}");

  private Literals() {}

  /** A DRL/FEEL/YAML double-quoted string literal of a safe identifier. */
  static String quoted(String id) {
    if (id == null || !SAFE.matcher(id).matches()) {
      throw new IllegalArgumentException("not a safe identifier for generated code");
    }
    return "\"" + id + "\"";
  }

  /** A FEEL string literal of generated prose (descriptions built from numbers and our words). */
  static String feelString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(' ');
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** XML text/attribute escaping; drops characters XML 1.0 cannot carry. */
  static String xml(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }

  /** A YAML/JSON double-quoted scalar of any text (JSON escaping is valid YAML). */
  static String yamlString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** A kebab-case name for Camel route ids. */
  static String kebab(String id) {
    return id.replace('_', '-').toLowerCase(java.util.Locale.ROOT);
  }
}
