package org.ringtree.rules.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens JSON into dotted paths with readable values, so two versions of any settings object can
 * be compared field by field. Lists of plain values become one comma-separated value; lists of
 * objects are kept whole under their path, for the caller to compare item by item.
 */
final class JsonFlattener {

  private JsonFlattener() {}

  static Map<String, JsonNode> flatten(JsonNode node) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    walk("", node, out);
    return out;
  }

  private static void walk(String path, JsonNode node, Map<String, JsonNode> out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), out);
      }
      return;
    }
    out.put(path, node);
  }

  /** A value as people read it: text unquoted, lists comma-separated, objects as key: value. */
  static String show(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "none";
    }
    if (node.isTextual()) {
      return node.asText().isEmpty() ? "(empty)" : node.asText();
    }
    if (node.isBoolean()) {
      return node.asBoolean() ? "yes" : "no";
    }
    if (node.isNumber()) {
      return node.decimalValue().stripTrailingZeros().toPlainString();
    }
    if (node.isArray()) {
      if (node.isEmpty()) {
        return "none";
      }
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(show(item)));
      return String.join(", ", items);
    }
    List<String> parts = new ArrayList<>();
    flatten(node).forEach((k, v) -> parts.add(k + ": " + show(v)));
    return String.join(", ", parts);
  }

  /** Equal values, counting 100, 100L and 100.00 as the same number. */
  static boolean same(JsonNode x, JsonNode y) {
    if (java.util.Objects.equals(x, y)) {
      return true;
    }
    return x != null
        && y != null
        && x.isNumber()
        && y.isNumber()
        && x.decimalValue().compareTo(y.decimalValue()) == 0;
  }

  static boolean isObjectList(JsonNode node) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      return false;
    }
    for (JsonNode item : node) {
      if (!item.isObject()) {
        return false;
      }
    }
    return true;
  }

  /** "buyerMinSeconds" → "buyer min seconds"; "caps.daily" → "caps daily". */
  static String words(String path) {
    String spaced = path.replace('.', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    return spaced.toLowerCase(java.util.Locale.ROOT);
  }
}
