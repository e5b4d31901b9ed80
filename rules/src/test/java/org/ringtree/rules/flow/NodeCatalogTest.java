package org.ringtree.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.json.RingtreeJson;

class NodeCatalogTest {

  @Test
  void describesEveryNodeKind() {
    assertThat(NodeCatalog.all())
        .extracting(NodeSpec::kind)
        .containsExactlyElementsOf(Arrays.asList(NodeKind.values()));
    assertThat(NodeCatalog.all())
        .allSatisfy(
            s -> {
              assertThat(s.label()).isNotBlank();
              assertThat(s.help()).isNotBlank();
              assertThat(s.fields()).allSatisfy(f -> assertThat(f.help()).isNotBlank());
            });
  }

  @Test
  void enumFieldsListTheirValuesAndDefaultsAreAllowed() {
    for (NodeSpec s : NodeCatalog.all()) {
      for (FieldSpec f : s.fields()) {
        if (f.type() == FieldType.ENUM) {
          assertThat(f.allowed()).as(s.kind() + "." + f.name()).isNotEmpty();
          if (f.defaultValue() != null) {
            assertThat(f.allowed()).contains((String) f.defaultValue());
          }
        }
      }
    }
  }

  @Test
  void menuOptionsBecomePorts() {
    FlowNode menu =
        new FlowNode(
            "m",
            NodeKind.MENU,
            Position.ORIGIN,
            Map.of("prompt", "p", "options", List.of(Map.of("key", "1"), Map.of("key", "9"))));
    assertThat(NodeCatalog.portsOf(menu)).containsExactly("1", "9", "invalid", "noInput");
  }

  @Test
  void settingsReadTheirDefaults() {
    FlowNode route = new FlowNode("r", NodeKind.ROUTE, Position.ORIGIN, Map.of());
    assertThat(route.settings().string("method")).isEqualTo("priority");
    assertThat(route.settings().integer("pingDeadlineMillis")).isEqualTo(2000);
  }

  @Test
  void jsonSchemaHasADefinitionPerKindGeneratedFromTheCatalog() throws Exception {
    JsonNode schema = RingtreeJson.mapper().readTree(FlowJsonSchema.toJsonSchema());
    assertThat(schema.get("$schema").asText())
        .isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.at("/properties/nodes/items/oneOf")).hasSize(NodeKind.values().length);
    JsonNode route = schema.at("/$defs/node-route/properties/config/properties/method");
    assertThat(route.get("enum")).extracting(JsonNode::asText).contains("ringTree", "weighted");
    assertThat(route.get("default").asText()).isEqualTo("priority");
    assertThat(schema.at("/$defs/node-menu/properties/config/required"))
        .extracting(JsonNode::asText)
        .contains("prompt", "options");
    assertThat(
            schema.at(
                "/$defs/node-condition/properties/config/properties/clauses/items/properties/operator/enum"))
        .hasSize(10);
    assertThat(FlowJsonSchema.toJsonSchema()).isEqualTo(FlowJsonSchema.toJsonSchema());
  }
}
