package org.ringtree.rules.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ringtree.rules.flow.FieldSpec;
import org.ringtree.rules.flow.FieldType;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeSpec;
import org.ringtree.rules.json.RingtreeJson;

/**
 * Node- and edge-level differences of two flow documents, each with a plain-words summary ("node
 * zip: prompt changed", "node geo: new condition: state in CA, NV"). Settings are compared with
 * their defaults filled in, so writing a default out explicitly is not a change; node positions are
 * layout, not behaviour, and are ignored.
 */
public final class FlowDiff {

  private static final ObjectMapper JSON = RingtreeJson.mapper();
  private static final int SHORT_VALUE = 40;

  private FlowDiff() {}

  public static List<Change> between(FlowDocument before, FlowDocument after) {
    List<Change> out = new ArrayList<>();
    if (!Objects.equals(before.name(), after.name())) {
      out.add(
          new Change(
              ChangeKind.CHANGED,
              "flow",
              after.id(),
              "name",
              before.name(),
              after.name(),
              "flow name: " + before.name() + " → " + after.name()));
    }
    if (!Objects.equals(before.campaignId(), after.campaignId())) {
      out.add(
          new Change(
              ChangeKind.CHANGED,
              "flow",
              after.id(),
              "campaign",
              before.campaignId(),
              after.campaignId(),
              "campaign: " + before.campaignId() + " → " + after.campaignId()));
    }
    Map<String, FlowNode> b = byId(before.nodes());
    Map<String, FlowNode> a = byId(after.nodes());
    Set<String> ids = new LinkedHashSet<>(a.keySet());
    ids.addAll(b.keySet());
    for (String id : ids) {
      FlowNode was = b.get(id);
      FlowNode now = a.get(id);
      if (was == null) {
        out.add(
            new Change(ChangeKind.ADDED, "node", id, null, null, now.kind().json(), added(now)));
      } else if (now == null) {
        out.add(
            new Change(
                ChangeKind.REMOVED,
                "node",
                id,
                null,
                was.kind().json(),
                null,
                "node " + id + " (" + label(was) + ") removed"));
      } else if (was.kind() != now.kind()) {
        out.add(
            new Change(
                ChangeKind.CHANGED,
                "node",
                id,
                "kind",
                was.kind().json(),
                now.kind().json(),
                "node " + id + ": kind " + label(was) + " → " + label(now)));
      } else {
        settings(out, was, now);
      }
    }
    edges(out, before, after);
    return out;
  }

  private static void settings(List<Change> out, FlowNode was, FlowNode now) {
    NodeSpec spec = NodeCatalog.spec(now.kind());
    Map<String, JsonNode> b = JsonFlattener.flatten(effective(was));
    Map<String, JsonNode> a = JsonFlattener.flatten(effective(now));
    Set<String> paths = new LinkedHashSet<>(a.keySet());
    paths.addAll(b.keySet());
    for (String path : paths) {
      JsonNode x = b.get(path);
      JsonNode y = a.get(path);
      if (JsonFlattener.same(x, y)) {
        continue;
      }
      String top = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
      FieldSpec field = spec.field(top).orElse(null);
      String label = field == null ? JsonFlattener.words(path) : field.label().toLowerCase();
      String prefix = "node " + now.id() + ": ";
      if (JsonFlattener.isObjectList(x) || JsonFlattener.isObjectList(y)) {
        items(out, now, top, label, x, y);
        continue;
      }
      String before = JsonFlattener.show(x);
      String after = JsonFlattener.show(y);
      boolean text = field != null && field.type() == FieldType.TEXT;
      String summary =
          text || before.length() > SHORT_VALUE || after.length() > SHORT_VALUE
              ? prefix + label + " changed"
              : prefix + label + " " + before + " → " + after;
      out.add(new Change(ChangeKind.CHANGED, "node", now.id(), path, before, after, summary));
    }
  }

  /** Lists of objects (condition clauses, menu options) are compared item by item. */
  private static void items(
      List<Change> out, FlowNode node, String path, String label, JsonNode x, JsonNode y) {
    List<JsonNode> before = list(x);
    List<JsonNode> after = list(y);
    String noun = noun(path);
    for (JsonNode item : after) {
      if (!before.contains(item)) {
        String d = describe(path, item);
        out.add(
            new Change(
                ChangeKind.ADDED,
                "node",
                node.id(),
                path,
                null,
                d,
                "node " + node.id() + ": new " + noun + ": " + d));
      }
    }
    for (JsonNode item : before) {
      if (!after.contains(item)) {
        String d = describe(path, item);
        out.add(
            new Change(
                ChangeKind.REMOVED,
                "node",
                node.id(),
                path,
                d,
                null,
                "node " + node.id() + ": " + noun + " removed: " + d));
      }
    }
    if (before.size() == after.size()
        && new LinkedHashSet<>(before).equals(new LinkedHashSet<>(after))
        && !before.equals(after)) {
      out.add(
          new Change(
              ChangeKind.CHANGED,
              "node",
              node.id(),
              path,
              null,
              null,
              "node " + node.id() + ": " + label + " reordered"));
    }
  }

  private static String noun(String path) {
    return switch (path) {
      case "clauses" -> "condition";
      case "options" -> "option";
      default -> JsonFlattener.words(path);
    };
  }

  /** A clause as "state in CA, NV", an option as "1 (Accident injury)", anything else verbatim. */
  static String describe(String path, JsonNode item) {
    if ("clauses".equals(path) && item.has("type")) {
      String type = item.path("type").asText();
      String field = item.path("field").asText("");
      String op = item.path("operator").asText("equals");
      String values =
          item.has("values") && !item.get("values").isEmpty()
              ? JsonFlattener.show(item.get("values"))
              : JsonFlattener.show(item.get("value"));
      return switch (type) {
        case "schedule" ->
            "schedule "
                + JsonFlattener.show(item.get("days"))
                + " "
                + item.path("from").asText("00:00")
                + "–"
                + item.path("to").asText("24:00")
                + " "
                + item.path("timezone").asText();
        case "history" ->
            "caller's "
                + item.path("basis").asText("any")
                + " calls within "
                + item.path("windowDays").asText()
                + " days "
                + operator(op)
                + " "
                + values;
        case "score" -> "quality score " + operator(op) + " " + values;
        case "tag", "answer" ->
            type + " " + field + " " + operator(op) + ("exists".equals(op) ? "" : " " + values);
        default -> field + " " + operator(op) + ("exists".equals(op) ? "" : " " + values);
      };
    }
    if ("options".equals(path) && item.has("key")) {
      String key = item.path("key").asText();
      String name = item.path("label").asText(item.path("speech").asText(""));
      return name.isEmpty() ? key : key + " (" + name + ")";
    }
    return JsonFlattener.show(item);
  }

  private static String operator(String op) {
    return switch (op) {
      case "equals" -> "is";
      case "notEquals" -> "is not";
      case "in" -> "in";
      case "notIn" -> "not in";
      case "regex" -> "matches";
      case "gt" -> ">";
      case "gte" -> "≥";
      case "lt" -> "<";
      case "lte" -> "≤";
      case "exists" -> "is set";
      default -> op;
    };
  }

  private static void edges(List<Change> out, FlowDocument before, FlowDocument after) {
    Map<String, FlowEdge> b = edgesByPort(before.edges());
    Map<String, FlowEdge> a = edgesByPort(after.edges());
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    for (String key : keys) {
      FlowEdge was = b.get(key);
      FlowEdge now = a.get(key);
      if (was == null) {
        out.add(
            new Change(
                ChangeKind.ADDED,
                "edge",
                key,
                null,
                null,
                now.to(),
                "new path: " + path(now) + " → " + now.to()));
      } else if (now == null) {
        out.add(
            new Change(
                ChangeKind.REMOVED,
                "edge",
                key,
                null,
                was.to(),
                null,
                "path removed: " + path(was) + " → " + was.to()));
      } else if (!was.to().equals(now.to())) {
        out.add(
            new Change(
                ChangeKind.CHANGED,
                "edge",
                key,
                "to",
                was.to(),
                now.to(),
                path(now) + " now leads to " + now.to() + " (was " + was.to() + ")"));
      }
    }
  }

  private static String path(FlowEdge e) {
    return "next".equals(e.port()) ? e.from() : e.from() + " [" + e.port() + "]";
  }

  private static String added(FlowNode n) {
    if (n.kind() == org.ringtree.rules.flow.NodeKind.CONDITION) {
      List<String> clauses = new ArrayList<>();
      list(effective(n).get("clauses")).forEach(c -> clauses.add(describe("clauses", c)));
      String match = "any".equals(n.settings().string("match")) ? " or " : " and ";
      return "new condition (node " + n.id() + "): " + String.join(match, clauses);
    }
    return "new node " + n.id() + " (" + label(n) + ")";
  }

  private static String label(FlowNode n) {
    return NodeCatalog.spec(n.kind()).label().toLowerCase();
  }

  /** The node's settings with the catalog's defaults filled in. */
  private static JsonNode effective(FlowNode n) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (FieldSpec f : NodeCatalog.spec(n.kind()).fields()) {
      if (f.defaultValue() != null) {
        values.put(f.name(), f.defaultValue());
      }
    }
    values.putAll(n.config());
    return JSON.valueToTree(new java.util.TreeMap<>(values));
  }

  private static List<JsonNode> list(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node != null && node.isArray()) {
      node.forEach(out::add);
    }
    return out;
  }

  private static Map<String, FlowNode> byId(List<FlowNode> nodes) {
    Map<String, FlowNode> out = new LinkedHashMap<>();
    nodes.forEach(n -> out.put(n.id(), n));
    return out;
  }

  private static Map<String, FlowEdge> edgesByPort(List<FlowEdge> edges) {
    Map<String, FlowEdge> out = new LinkedHashMap<>();
    edges.forEach(e -> out.put(e.from() + ":" + e.port(), e));
    return out;
  }
}
