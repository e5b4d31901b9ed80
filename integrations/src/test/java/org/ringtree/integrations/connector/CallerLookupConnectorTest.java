package org.ringtree.integrations.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.testing.LoopbackServer;
import org.ringtree.integrations.testing.LoopbackServer.Reply;

class CallerLookupConnectorTest {

  private final LoopbackServer crm =
      LoopbackServer.start(
          (n, request) ->
              switch (request.uri()) {
                case "/customers?phone=%2B15125550111" ->
                    Reply.json("{\"id\":\"C-42\",\"tier\":\"gold\",\"name\":\"A & B\"}");
                case "/customers?phone=%2B15125550199" -> new Reply(500, "down", 0);
                default -> new Reply(404, "{}", 0);
              });
  private DefaultCamelContext camel;
  private ConnectorInvoker invoker;

  @BeforeEach
  void start() throws Exception {
    camel = new DefaultCamelContext();
    camel.addRoutes(new CallerLookupConnector(crm.url("/"), 1000));
    camel.start();
    invoker = new ConnectorInvoker(camel);
  }

  @AfterEach
  void stop() {
    invoker.close();
    camel.stop();
    crm.close();
  }

  private ConnectorResult lookUp(String number) {
    return invoker.invoke(
        CallerLookupConnector.NAME, Map.of("caller_number", number), Duration.ofSeconds(3));
  }

  @Test
  void tagsAKnownCallerWithTheCrmTier() {
    ConnectorResult r = lookUp("+15125550111");

    assertThat(r.succeeded()).as(r.failure()).isTrue();
    assertThat(r.tags())
        .containsExactly(
            Map.entry("crm_known", "true"),
            Map.entry("crm_customer_id", "C-42"),
            Map.entry("crm_tier", "gold"));
    assertThat(crm.requests().get(0).method()).isEqualTo("GET");
    assertThat(crm.requests().get(0).uri()).isEqualTo("/customers?phone=%2B15125550111");
  }

  @Test
  void tagsAnUnknownCallerAsUnknown() {
    ConnectorResult r = lookUp("+15125550000");

    assertThat(r.tags()).containsExactly(Map.entry("crm_known", "false"));
  }

  @Test
  void encodesHostileInputIntoTheQuery() {
    lookUp("+1512&admin=true#x");

    assertThat(crm.requests().get(0).uri())
        .isEqualTo("/customers?phone=%2B1512%26admin%3Dtrue%23x");
  }

  @Test
  void aCrmErrorFailsTheConnectorWithTheReason() {
    ConnectorResult r = lookUp("+15125550199");

    assertThat(r.succeeded()).isFalse();
    assertThat(r.failure())
        .isEqualTo("connector failed: IllegalStateException: CRM answered HTTP 500");
  }

  @Test
  void missingInputFailsClearly() {
    ConnectorResult r = invoker.invoke(CallerLookupConnector.NAME, Map.of(), Duration.ofSeconds(1));

    assertThat(r.failure())
        .isEqualTo(
            "connector failed: IllegalArgumentException: caller-lookup needs the input 'caller_number'");
  }
}
