package org.ringtree.rules.node.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.compiler.CamelRoute;
import org.ringtree.rules.flow.NodeKind;

class ConnectorRouteTest {

  private final ConnectorHandler handler = new ConnectorHandler();

  @Test
  void aConnectorNodesRouteCarriesItsMappingsAndTimeoutToTheConnectorsOwnRoute() {
    CamelRoute route =
        handler
            .camelRoute(
                Fixtures.node(
                    "crm",
                    NodeKind.CONNECTOR,
                    Map.of(
                        "connectorId",
                        "crm-lookup",
                        "inputs",
                        Map.of("zip", "answer.zip", "phone", "caller.number"),
                        "outputs",
                        Map.of("vip", "isVip"),
                        "timeoutMillis",
                        1500L)))
            .orElseThrow();

    assertThat(route.properties())
        .containsExactly(
            Map.entry("ringtree.inputs", "{\"phone\":\"caller.number\",\"zip\":\"answer.zip\"}"),
            Map.entry("ringtree.outputs", "{\"vip\":\"isVip\"}"),
            Map.entry("ringtree.timeoutMillis", "1500"));
    assertThat(route.to()).isEqualTo("direct:connector-crm-lookup");
    assertThat(route.description())
        .isEqualTo("Calls connector crm-lookup with the mapped tags and waits at most 1500 ms.");
  }

  @Test
  void aConnectorNamedByItsRouteIdIsNotPrefixedTwice() {
    CamelRoute route =
        handler
            .camelRoute(
                Fixtures.node(
                    "crm", NodeKind.CONNECTOR, Map.of("connectorId", "connector-crm-lookup")))
            .orElseThrow();

    assertThat(route.to()).isEqualTo("direct:connector-crm-lookup");
    assertThat(route.properties()).containsEntry("ringtree.timeoutMillis", "3000");
  }
}
