package org.ringtree.rules.flow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.validation.Issue;

/**
 * Reads and writes flow documents. Reading never throws: malformed or hostile input (bad syntax,
 * deep nesting, huge strings or arrays, wrong types) becomes a list of issues. Writing is canonical
 * (sorted keys), so exports of equal flows are byte-identical.
 */
public final class FlowJson {

  public static final int MAX_CHARS = 2_000_000;
  public static final int MAX_NODES = 2_000;
  public static final int MAX_EDGES = 10_000;

  private static final ObjectMapper MAPPER = RingtreeJson.mapper();

  private FlowJson() {}

  public static FlowParseResult read(String json) {
    List<Issue> issues = new ArrayList<>();
    if (json != null && json.length() > MAX_CHARS) {
      issues.add(
          Issue.error(
              null,
              null,
              "json.tooLarge",
              "The file has "
                  + json.length()
                  + " characters; at most "
                  + MAX_CHARS
                  + " are read."));
      return new FlowParseResult(Optional.empty(), issues);
    }
    if (json == null || json.isBlank()) {
      issues.add(Issue.error(null, null, "json.empty", "The file is empty."));
      return new FlowParseResult(Optional.empty(), issues);
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (StreamConstraintsException e) {
      issues.add(
          Issue.error(
              null,
              null,
              "json.limits",
              "The file exceeds a safety limit: " + clip(e.getOriginalMessage())));
      return new FlowParseResult(Optional.empty(), issues);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      issues.add(
          Issue.error(
              null,
              null,
              "json.syntax",
              "Not valid JSON" + where + ": " + clip(e.getOriginalMessage())));
      return new FlowParseResult(Optional.empty(), issues);
    } catch (RuntimeException e) {
      issues.add(Issue.error(null, null, "json.unreadable", "The file could not be read."));
      return new FlowParseResult(Optional.empty(), issues);
    }
    if (root == null || !root.isObject()) {
      issues.add(Issue.error(null, null, "json.notObject", "A flow document is a JSON object."));
      return new FlowParseResult(Optional.empty(), issues);
    }
    JsonNode version = root.get("schemaVersion");
    if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
      issues.add(
          Issue.error(
              null, "schemaVersion", "doc.schemaVersion", "schemaVersion (a number) is missing."));
      return new FlowParseResult(Optional.empty(), issues);
    }
    if (version.intValue() != FlowDocument.CURRENT_SCHEMA_VERSION) {
      issues.add(
          Issue.error(
              null,
              "schemaVersion",
              "doc.schemaVersion",
              "schemaVersion "
                  + version.intValue()
                  + " is not supported; this version reads "
                  + FlowDocument.CURRENT_SCHEMA_VERSION
                  + "."));
      return new FlowParseResult(Optional.empty(), issues);
    }
    String id = text(root, "id", null, issues);
    String name = text(root, "name", null, issues);
    String campaignId = text(root, "campaignId", null, issues);

    List<FlowNode> nodes = new ArrayList<>();
    JsonNode nodesJson = root.get("nodes");
    if (nodesJson == null || !nodesJson.isArray()) {
      issues.add(Issue.error(null, "nodes", "doc.nodes", "nodes (an array) is missing."));
    } else if (nodesJson.size() > MAX_NODES) {
      issues.add(
          Issue.error(
              null, "nodes", "doc.tooManyNodes", "At most " + MAX_NODES + " nodes are allowed."));
    } else {
      Set<String> seen = new HashSet<>();
      int index = 0;
      for (JsonNode n : nodesJson) {
        readNode(n, index++, seen, issues).ifPresent(nodes::add);
      }
    }
    List<FlowEdge> edges = new ArrayList<>();
    JsonNode edgesJson = root.get("edges");
    if (edgesJson != null && !edgesJson.isNull()) {
      if (!edgesJson.isArray()) {
        issues.add(Issue.error(null, "edges", "doc.edges", "edges must be an array."));
      } else if (edgesJson.size() > MAX_EDGES) {
        issues.add(
            Issue.error(
                null, "edges", "doc.tooManyEdges", "At most " + MAX_EDGES + " edges are allowed."));
      } else {
        int index = 0;
        for (JsonNode e : edgesJson) {
          String from = e.isObject() ? stringOrNull(e.get("from")) : null;
          String port = e.isObject() ? stringOrNull(e.get("port")) : null;
          String to = e.isObject() ? stringOrNull(e.get("to")) : null;
          if (from == null || port == null || to == null) {
            issues.add(
                Issue.error(
                    from,
                    "edges[" + index + "]",
                    "edge.malformed",
                    "Edge " + index + " needs the strings from, port and to."));
          } else {
            edges.add(new FlowEdge(from, port, to));
          }
          index++;
        }
      }
    }
    FlowDocument doc =
        new FlowDocument(FlowDocument.CURRENT_SCHEMA_VERSION, id, name, campaignId, nodes, edges);
    return new FlowParseResult(Optional.of(doc), issues);
  }

  private static Optional<FlowNode> readNode(
      JsonNode n, int index, Set<String> seen, List<Issue> issues) {
    String where = "nodes[" + index + "]";
    if (!n.isObject()) {
      issues.add(
          Issue.error(null, where, "node.malformed", "Node " + index + " is not an object."));
      return Optional.empty();
    }
    String id = stringOrNull(n.get("id"));
    if (id == null || id.isEmpty()) {
      issues.add(Issue.error(null, where, "node.id", "Node " + index + " has no id."));
      return Optional.empty();
    }
    if (!seen.add(id)) {
      issues.add(Issue.error(id, "id", "node.duplicateId", "Another node already has this id."));
      return Optional.empty();
    }
    String kindName = stringOrNull(n.get("kind"));
    Optional<NodeKind> kind = kindName == null ? Optional.empty() : NodeKind.fromJson(kindName);
    if (kind.isEmpty()) {
      issues.add(
          Issue.error(id, "kind", "node.kind", "Unknown node kind " + quote(kindName) + "."));
      return Optional.empty();
    }
    Position position = Position.ORIGIN;
    JsonNode pos = n.get("position");
    if (pos != null && pos.isObject()) {
      JsonNode x = pos.get("x");
      JsonNode y = pos.get("y");
      if (x != null && x.isNumber() && y != null && y.isNumber()) {
        position = new Position(x.doubleValue(), y.doubleValue());
      }
    }
    Map<String, Object> config = Map.of();
    JsonNode cfg = n.get("config");
    if (cfg != null && !cfg.isNull()) {
      if (!cfg.isObject()) {
        issues.add(Issue.error(id, "config", "node.config", "config must be an object."));
      } else {
        config = toMap(cfg);
      }
    }
    return Optional.of(new FlowNode(id, kind.get(), position, config));
  }

  private static Map<String, Object> toMap(JsonNode obj) {
    Map<String, Object> out = new TreeMap<>();
    for (Map.Entry<String, JsonNode> e : obj.properties()) {
      Object v = toJava(e.getValue());
      if (v != null) {
        out.put(e.getKey(), v);
      }
    }
    return out;
  }

  private static Object toJava(JsonNode v) {
    if (v.isObject()) {
      return toMap(v);
    }
    if (v.isArray()) {
      List<Object> out = new ArrayList<>();
      for (JsonNode item : v) {
        Object o = toJava(item);
        if (o != null) {
          out.add(o);
        }
      }
      return out;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isNumber()) {
      return v.decimalValue();
    }
    return null;
  }

  private static String text(JsonNode root, String field, String fallback, List<Issue> issues) {
    JsonNode v = root.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    if (!v.isTextual()) {
      issues.add(Issue.error(null, field, "doc.type", field + " must be a string."));
      return fallback;
    }
    return v.textValue();
  }

  private static String stringOrNull(JsonNode v) {
    return v != null && v.isTextual() ? v.textValue() : null;
  }

  /** Quotes a user string for a message: clipped and with control characters made visible. */
  public static String quote(String s) {
    if (s == null) {
      return "(none)";
    }
    return "\"" + clip(s) + "\"";
  }

  static String clip(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length() && sb.length() < 80; i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) ? '?' : c);
    }
    if (s.length() > 80) {
      sb.append('…');
    }
    return sb.toString();
  }

  /** Canonical JSON: sorted keys in every object, nodes and edges in document order. */
  public static String write(FlowDocument doc) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("schemaVersion", doc.schemaVersion());
    if (doc.id() != null) {
      root.put("id", doc.id());
    }
    if (doc.name() != null) {
      root.put("name", doc.name());
    }
    if (doc.campaignId() != null) {
      root.put("campaignId", doc.campaignId());
    }
    ArrayNode nodes = root.putArray("nodes");
    for (FlowNode n : doc.nodes()) {
      ObjectNode node = nodes.addObject();
      node.put("id", n.id());
      node.put("kind", n.kind().json());
      ObjectNode pos = node.putObject("position");
      pos.put("x", BigDecimal.valueOf(n.position().x()).stripTrailingZeros());
      pos.put("y", BigDecimal.valueOf(n.position().y()).stripTrailingZeros());
      node.set("config", MAPPER.valueToTree(n.config()));
    }
    ArrayNode edges = root.putArray("edges");
    for (FlowEdge e : doc.edges()) {
      ObjectNode edge = edges.addObject();
      edge.put("from", e.from());
      edge.put("port", e.port());
      edge.put("to", e.to());
    }
    return RingtreeJson.writePretty(sortKeys(root));
  }

  static JsonNode sortKeys(JsonNode node) {
    if (node.isObject()) {
      ObjectNode sorted = MAPPER.createObjectNode();
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(String::compareTo);
      for (String name : names) {
        sorted.set(name, sortKeys(node.get(name)));
      }
      return sorted;
    }
    if (node.isArray()) {
      ArrayNode arr = MAPPER.createArrayNode();
      node.forEach(n -> arr.add(sortKeys(n)));
      return arr;
    }
    return node;
  }
}
