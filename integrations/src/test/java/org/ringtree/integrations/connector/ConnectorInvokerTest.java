package org.ringtree.integrations.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectorInvokerTest {

  private static final java.util.concurrent.CountDownLatch STUCK =
      new java.util.concurrent.CountDownLatch(1);

  private DefaultCamelContext camel;
  private ConnectorInvoker invoker;

  @BeforeEach
  void start() throws Exception {
    camel = new DefaultCamelContext();
    camel.addRoutes(
        new RouteBuilder() {
          @Override
          public void configure() {
            from("direct:connector-echo")
                .routeId("connector-echo")
                .process(
                    ex -> {
                      Map<?, ?> in = ex.getIn().getBody(Map.class);
                      ex.getMessage().setBody(Map.of("seen_zip", in.get("ivr_zip"), "score", 7));
                    });
            from("direct:connector-slow")
                .routeId("connector-slow")
                .delay(2000)
                .setBody(constant(Map.of()));
            from("direct:connector-broken")
                .routeId("connector-broken")
                .throwException(new IllegalStateException("CRM down"));
            from("direct:connector-odd").routeId("connector-odd").setBody(constant(42));
            from("direct:connector-stuck")
                .routeId("connector-stuck")
                .process(ex -> STUCK.await(10, java.util.concurrent.TimeUnit.SECONDS));
            from("direct:connector-json")
                .routeId("connector-json")
                .setBody(constant("{\"segment\":\"b2b\",\"lists\":[1,2]}"));
            from("direct:connector-text").routeId("connector-text").setBody(constant("hello"));
            // What the flow compiler generates in front of a connector node.
            from("direct:ringtree-v3-lookup-node")
                .routeId("ringtree-v3-lookup-node")
                .setProperty("ringtree.nodeId", constant("lookup-node"))
                .to("direct:connector-echo");
          }
        });
    camel.start();
    invoker = new ConnectorInvoker(camel);
  }

  @AfterEach
  void stop() {
    invoker.close();
    camel.stop();
  }

  @Test
  void connectorsThatHangCannotTakeMoreThanTheirPoolAndTheNextCallFailsAtOnce() {
    try {
      for (int i = 0; i < ConnectorInvoker.MAX_CALLS_IN_FLIGHT; i++) {
        assertThat(invoker.invoke("stuck", Map.of(), Duration.ofMillis(1)).failure())
            .contains("timed out");
      }

      ConnectorResult refused = invoker.invoke("echo", Map.of(), Duration.ofSeconds(1));

      assertThat(refused.succeeded()).isFalse();
      assertThat(refused.failure()).contains("connector calls already running");
    } finally {
      STUCK.countDown();
    }
  }

  @Test
  void passesTheInputMapAndReturnsTheOutputAsTags() {
    ConnectorResult r = invoker.invoke("echo", Map.of("ivr_zip", "78701"), Duration.ofSeconds(1));

    assertThat(r.succeeded()).isTrue();
    assertThat(r.failure()).isNull();
    assertThat(r.tags()).containsEntry("seen_zip", "78701").containsEntry("score", "7");
    assertThat(r.latency()).isPositive();
  }

  @Test
  void acceptsAJsonObjectAsOutput() {
    ConnectorResult r = invoker.invoke("json", Map.of(), Duration.ofSeconds(1));

    assertThat(r.tags()).containsEntry("segment", "b2b").containsEntry("lists", "[1,2]");
  }

  @Test
  void aSlowConnectorTimesOut() {
    long t0 = System.nanoTime();
    ConnectorResult r = invoker.invoke("slow", Map.of(), Duration.ofMillis(100));

    assertThat(r.succeeded()).isFalse();
    assertThat(r.failure()).isEqualTo("connector timed out after 100 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1000));
  }

  @Test
  void everyKindOfFailureIsAResultNotAnException() {
    assertThat(
            List.of(
                invoker.invoke("broken", Map.of(), Duration.ofSeconds(1)),
                invoker.invoke("odd", Map.of(), Duration.ofSeconds(1)),
                invoker.invoke("text", Map.of(), Duration.ofSeconds(1)),
                invoker.invoke("missing", Map.of(), Duration.ofSeconds(1)),
                invoker.invoke("Bad Name!", Map.of(), Duration.ofSeconds(1))))
        .extracting(ConnectorResult::failure)
        .containsExactly(
            "connector failed: IllegalStateException: CRM down",
            "connector returned a java.lang.Integer, expected a map of tags",
            "connector returned text that is not a JSON object: hello",
            "no connector named 'missing' is loaded (route connector-missing)",
            "invalid connector name 'Bad Name!'");
  }

  @Test
  void invokesTheCompilerGeneratedNodeRouteInFrontOfAConnector() {
    ConnectorResult r =
        invoker.invokeEndpoint(
            "direct:ringtree-v3-lookup-node", Map.of("ivr_zip", "10001"), Duration.ofSeconds(1));

    assertThat(r.succeeded()).as(r.failure()).isTrue();
    assertThat(r.connector()).isEqualTo("direct:ringtree-v3-lookup-node");
    assertThat(r.tags()).containsEntry("seen_zip", "10001");
  }

  @Test
  void anEndpointWithoutARouteFailsAtOnceInsteadOfBlocking() {
    long t0 = System.nanoTime();

    ConnectorResult r =
        invoker.invokeEndpoint("direct:ringtree-v9-gone", Map.of(), Duration.ofSeconds(5));

    assertThat(r.failure()).isEqualTo("no route consumes from direct:ringtree-v9-gone");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(500));
    assertThat(invoker.invokeEndpoint("http://x", Map.of(), Duration.ofSeconds(1)).failure())
        .isEqualTo("not a direct: endpoint: http://x");
  }

  @Test
  void acceptsTheRouteIdAsWellAsTheName() {
    ConnectorResult r =
        invoker.invoke("connector-echo", Map.of("ivr_zip", "60601"), Duration.ofSeconds(1));

    assertThat(r.succeeded()).as(r.failure()).isTrue();
    assertThat(r.tags()).containsEntry("seen_zip", "60601");
  }
}
