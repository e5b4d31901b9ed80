package org.ringtree.editor.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How list and map settings are typed into a single text field, and read back. */
final class FieldCodec {

  private FieldCodec() {}

  /** "a, b ,c" to [a, b, c]; blanks dropped. */
  static List<String> list(String text) {
    List<String> out = new ArrayList<>();
    if (text != null) {
      for (String part : text.split(",")) {
        if (!part.isBlank()) {
          out.add(part.strip());
        }
      }
    }
    return out;
  }

  static String list(List<String> values) {
    return values == null ? "" : String.join(", ", values);
  }

  /** One "name = value" per line; lines without '=' are ignored. */
  static Map<String, String> map(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    if (text != null) {
      for (String line : text.split("\\R")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          String k = line.substring(0, eq).strip();
          if (!k.isEmpty()) {
            out.put(k, line.substring(eq + 1).strip());
          }
        }
      }
    }
    return out;
  }

  static String map(Map<String, String> values) {
    StringBuilder sb = new StringBuilder();
    values.forEach((k, v) -> sb.append(k).append(" = ").append(v).append('\n'));
    return sb.toString().strip();
  }
}
