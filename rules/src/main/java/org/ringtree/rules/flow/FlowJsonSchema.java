package org.ringtree.rules.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ringtree.rules.json.RingtreeJson;

/**
 * The JSON Schema (draft 2020-12) of the flow document, generated from {@link NodeCatalog} so the
 * schema, the editor's forms and the validator cannot disagree.
 */
public final class FlowJsonSchema {

  public static final String ID = "https://ringtree.org/schemas/flow-document-1.json";

  private static final ObjectMapper MAPPER = RingtreeJson.mapper();

  private FlowJsonSchema() {}

  public static ObjectNode toJsonSchemaNode() {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", ID);
    root.put("title", "Ringtree flow document");
    root.put("type", "object");
    root.putArray("required").add("schemaVersion").add("nodes").add("edges");
    ObjectNode props = root.putObject("properties");
    props.putObject("schemaVersion").put("const", FlowDocument.CURRENT_SCHEMA_VERSION);
    props.putObject("id").put("type", "string");
    props.putObject("name").put("type", "string");
    props
        .putObject("campaignId")
        .put("type", "string")
        .put("description", "Campaign whose payout policy applies.");
    ObjectNode nodes = props.putObject("nodes");
    nodes.put("type", "array").put("maxItems", FlowJson.MAX_NODES);
    ArrayNode oneOf = nodes.putObject("items").putArray("oneOf");
    ObjectNode edges = props.putObject("edges");
    edges.put("type", "array").put("maxItems", FlowJson.MAX_EDGES);
    ObjectNode edge = edges.putObject("items");
    edge.put("type", "object");
    edge.putArray("required").add("from").add("port").add("to");
    ObjectNode edgeProps = edge.putObject("properties");
    edgeProps.putObject("from").put("type", "string");
    edgeProps.putObject("port").put("type", "string");
    edgeProps.putObject("to").put("type", "string");

    ObjectNode defs = root.putObject("$defs");
    ObjectNode position = defs.putObject("position");
    position.put("type", "object");
    position.putObject("properties").<ObjectNode>set("x", num()).set("y", num());
    for (NodeSpec spec : NodeCatalog.all()) {
      String defName = "node-" + spec.kind().json();
      oneOf.addObject().put("$ref", "#/$defs/" + defName);
      ObjectNode def = defs.putObject(defName);
      def.put("title", spec.label());
      def.put("description", spec.help());
      def.put("type", "object");
      def.putArray("required").add("id").add("kind");
      ObjectNode p = def.putObject("properties");
      p.putObject("id").put("type", "string").put("pattern", "^[A-Za-z0-9_-]{1,64}$");
      p.putObject("kind").put("const", spec.kind().json());
      p.putObject("position").put("$ref", "#/$defs/position");
      ObjectNode config = p.putObject("config");
      config.put("type", "object");
      fields(config, spec.fields());
      ArrayNode ports = def.putArray("x-ports");
      spec.ports()
          .forEach(
              port -> ports.addObject().put("name", port.name()).put("required", port.required()));
      if (spec.dynamicPortsFrom() != null) {
        def.put("x-dynamicPortsFrom", spec.dynamicPortsFrom() + "[].key");
      }
    }
    return root;
  }

  private static ObjectNode num() {
    return MAPPER.createObjectNode().put("type", "number");
  }

  private static void fields(ObjectNode object, java.util.List<FieldSpec> fields) {
    ObjectNode props = object.putObject("properties");
    ArrayNode required = MAPPER.createArrayNode();
    for (FieldSpec f : fields) {
      props.set(f.name(), field(f));
      if (f.required()) {
        required.add(f.name());
      }
    }
    if (!required.isEmpty()) {
      object.set("required", required);
    }
  }

  private static ObjectNode field(FieldSpec f) {
    ObjectNode s = MAPPER.createObjectNode();
    s.put("title", f.label());
    s.put("description", f.help());
    switch (f.type()) {
      case STRING, TEXT, URL, CONNECTOR_REF -> {
        s.put("type", "string").put("maxLength", f.maxLength());
        if (f.type() == FieldType.URL) {
          s.put("format", "uri");
        }
      }
      case TIMEZONE -> s.put("type", "string").put("x-format", "iana-timezone");
      case TIME -> s.put("type", "string").put("pattern", "^([01][0-9]|2[0-3]):[0-5][0-9]$");
      case INTEGER -> {
        s.put("type", "integer");
        if (f.min() != null) {
          s.put("minimum", f.min());
        }
        if (f.max() != null) {
          s.put("maximum", f.max());
        }
      }
      case DECIMAL -> s.putArray("type").add("number").add("string");
      case BOOLEAN -> s.put("type", "boolean");
      case ENUM -> {
        s.put("type", "string");
        ArrayNode e = s.putArray("enum");
        f.allowed().forEach(e::add);
      }
      case STRING_LIST, TARGET_REFS, GROUP_REFS ->
          s.put("type", "array").putObject("items").put("type", "string");
      case DATE_LIST ->
          s.put("type", "array").putObject("items").put("type", "string").put("format", "date");
      case KEY_VALUE ->
          s.put("type", "object").putObject("additionalProperties").put("type", "string");
      case OBJECT_LIST -> {
        s.put("type", "array");
        ObjectNode items = s.putObject("items");
        items.put("type", "object");
        fields(items, f.itemFields());
      }
    }
    if (f.defaultValue() != null) {
      s.set("default", MAPPER.valueToTree(f.defaultValue()));
    }
    s.put("x-fieldType", f.type().name());
    return s;
  }

  /** The schema as pretty-printed JSON with sorted keys. */
  public static String toJsonSchema() {
    return RingtreeJson.writePretty(FlowJson.sortKeys(toJsonSchemaNode()));
  }
}
