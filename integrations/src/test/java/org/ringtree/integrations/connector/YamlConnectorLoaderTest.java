package org.ringtree.integrations.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.testing.LoopbackServer;
import org.ringtree.integrations.testing.LoopbackServer.Reply;

class YamlConnectorLoaderTest {

  private final LoopbackServer crm =
      LoopbackServer.always(Reply.json("{\"crm_tier\":\"silver\",\"crm_open_tickets\":2}"));
  private DefaultCamelContext camel;
  private YamlConnectorLoader loader;
  private ConnectorInvoker invoker;

  /** The YAML a developer would write: POST the input as JSON, use the JSON answer as tags. */
  private String crmLookupYaml(String routeId, String from) {
    return """
        - route:
            id: %s
            from:
              uri: %s
              steps:
                - marshal:
                    json: {}
                - setHeader:
                    name: CamelHttpMethod
                    constant: POST
                - setHeader:
                    name: Content-Type
                    constant: application/json
                - to:
                    uri: "%s?connectTimeout=500&responseTimeout=500"
                - unmarshal:
                    json: {}
        """
        .formatted(routeId, from, crm.url("/lookup"));
  }

  @BeforeEach
  void start() {
    camel = new DefaultCamelContext();
    camel.start();
    loader = new YamlConnectorLoader(camel);
    invoker = new ConnectorInvoker(camel);
  }

  @AfterEach
  void stop() {
    invoker.close();
    camel.stop();
    crm.close();
  }

  @Test
  void loadsAYamlConnectorFromAStringAndRunsIt() throws Exception {
    loader.load("crm-yaml", crmLookupYaml("connector-crm-yaml", "direct:connector-crm-yaml"));

    ConnectorResult r =
        invoker.invoke(
            "crm-yaml",
            Map.of("caller_number", "+15125550111", "note", "\"quoted\" & <b>"),
            Duration.ofSeconds(3));

    assertThat(r.succeeded()).as(r.failure()).isTrue();
    assertThat(r.tags()).containsEntry("crm_tier", "silver").containsEntry("crm_open_tickets", "2");
    Map<String, Object> sent =
        new ObjectMapper()
            .readValue(
                crm.requests().get(0).body(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    assertThat(sent)
        .containsEntry("caller_number", "+15125550111")
        .containsEntry("note", "\"quoted\" & <b>");
  }

  @Test
  void reloadingReplacesTheConnector() {
    loader.load("crm-yaml", crmLookupYaml("connector-crm-yaml", "direct:connector-crm-yaml"));
    loader.load(
        "crm-yaml",
        """
        - route:
            id: connector-crm-yaml
            from:
              uri: direct:connector-crm-yaml
              steps:
                - setBody:
                    constant: '{"version":"2"}'
        """);

    assertThat(invoker.invoke("crm-yaml", Map.of(), Duration.ofSeconds(1)).tags())
        .containsExactly(Map.entry("version", "2"));
    assertThat(camel.getRoutes()).hasSize(1);
  }

  @Test
  void refusesARouteWithTheWrongIdAndRemovesIt() {
    assertThatThrownBy(
            () ->
                loader.load(
                    "crm-yaml", crmLookupYaml("something-else", "direct:connector-crm-yaml")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly one route with id connector-crm-yaml")
        .hasMessageContaining("something-else");
    assertThat(camel.getRoutes()).isEmpty();
  }

  @Test
  void refusesARouteThatDoesNotConsumeFromItsDirectEndpoint() {
    assertThatThrownBy(
            () -> loader.load("crm-yaml", crmLookupYaml("connector-crm-yaml", "direct:somewhere")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must consume from direct:connector-crm-yaml");
    assertThat(camel.getRoutes()).isEmpty();
  }

  @Test
  void refusesBrokenYamlWithTheParserMessage() {
    assertThatThrownBy(() -> loader.load("crm-yaml", "- route: [this is: not, valid"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("connector crm-yaml: the YAML route cannot be loaded: ");
    assertThat(camel.getRoutes()).isEmpty();
  }

  @Test
  void unloadedConnectorIsReportedAsMissing() {
    loader.load("crm-yaml", crmLookupYaml("connector-crm-yaml", "direct:connector-crm-yaml"));
    assertThat(loader.unload("crm-yaml")).isTrue();

    assertThat(invoker.invoke("crm-yaml", Map.of(), Duration.ofSeconds(1)).failure())
        .startsWith("no connector named 'crm-yaml'");
  }
}
