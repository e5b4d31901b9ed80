package org.ringtree.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringtree.integrations.connector.ConnectorResult;

/** The connectors directory: what loads, what is refused and why, reloads, breaker, demo files. */
class ConnectorFilesTest {

  @TempDir Path dir;

  private static String connector(String name, String tier) {
    return """
        # ringtree.description: Answers a fixed tier
        # ringtree.inputs: caller_number
        # ringtree.outputs: tier
        # ringtree.timeout-ms: 1000
        - route:
            id: connector-%s
            from:
              uri: direct:connector-%s
              steps:
                - setBody:
                    simple: '${null}'
                - setHeader:
                    name: tier
                    constant: %s
                - setBody:
                    simple: '{"tier":"${header.tier}"}'
        """
        .formatted(name, name, tier);
  }

  @Test
  void aGoodFileLoadsWhileABrokenOneAndOneCollidingWithABuiltInRouteAreRefusedWithTheReason()
      throws Exception {
    Files.writeString(dir.resolve("good.yaml"), connector("good", "gold"));
    Files.writeString(
        dir.resolve("broken.yaml"),
        "# ringtree.timeout-ms: 1000\n- route:\n    id: connector-broken\n    from:\n      uri:"
            + " direct:connector-broken\n      steps:\n        - setBody:\n          constant: [x\n");
    Files.writeString(dir.resolve("builtin.yaml"), connector("builtin", "silver"));
    try (ConnectorFileHarness h = ConnectorFileHarness.of(Path.of("does-not-exist"), Map.of())) {
      h.camel()
          .addRoutes(
              new RouteBuilder() {
                @Override
                public void configure() {
                  from("direct:connector-builtin")
                      .routeId("connector-builtin")
                      .setBody(constant(""));
                }
              });
      ConnectorFiles files = new ConnectorFiles(h.camel(), dir);
      files.sync();

      assertThat(files.loaded()).extracting(ConnectorFiles.Connector::name).containsExactly("good");
      ConnectorFiles.Connector good = files.loaded().get(0);
      assertThat(good.description()).isEqualTo("Answers a fixed tier");
      assertThat(good.inputs()).containsExactly("caller_number");
      assertThat(good.outputs()).containsExactly("tier");
      assertThat(good.timeout().toMillis()).isEqualTo(1000);
      assertThat(h.call("good", Map.of("caller_number", "+1512")).tags())
          .containsEntry("tier", "gold");

      List<ConnectorFiles.Refusal> refused = files.refused();
      assertThat(refused)
          .extracting(r -> r.file().getFileName().toString())
          .containsExactly("broken.yaml", "builtin.yaml");
      assertThat(refused.get(0).line()).as(refused.get(0).toString()).isNotNull();
      assertThat(refused.get(0).reason()).startsWith("does not read");
      assertThat(refused.get(1).reason())
          .isEqualTo("route id connector-builtin collides with a built-in route");
      // the built-in route is untouched
      assertThat(h.camel().getRoute("connector-builtin")).isNotNull();
    }
  }

  @Test
  void aChangedFileIsLoadedAgainAndARemovedOneUnloaded() throws Exception {
    Path file = dir.resolve("tier.yaml");
    Files.writeString(file, connector("tier", "gold"));
    try (ConnectorFileHarness h = ConnectorFileHarness.of(dir, Map.of())) {
      assertThat(h.call("tier", Map.of()).tags()).containsEntry("tier", "gold");

      Files.writeString(file, connector("tier", "platinum"));
      assertThat(h.files().sync()).isTrue();
      assertThat(h.call("tier", Map.of()).tags()).containsEntry("tier", "platinum");
      assertThat(h.files().sync()).as("nothing changed since").isFalse();

      Files.delete(file);
      h.files().sync();
      assertThat(h.files().loaded()).isEmpty();
      assertThat(h.call("tier", Map.of()).failure()).contains("no connector named 'tier'");
    }
  }

  @Test
  void anXmlConnectorFileLoadsToo() throws Exception {
    Files.writeString(
        dir.resolve("bronze.xml"),
        """
        <!-- ringtree.description: Answers bronze -->
        <!-- ringtree.inputs: none -->
        <!-- ringtree.outputs: tier -->
        <!-- ringtree.timeout-ms: 800 -->
        <routes xmlns="http://camel.apache.org/schema/xml-io">
          <route id="connector-bronze">
            <from uri="direct:connector-bronze"/>
            <setBody><constant>{"tier":"bronze"}</constant></setBody>
          </route>
        </routes>
        """);
    try (ConnectorFileHarness h = ConnectorFileHarness.of(dir, Map.of())) {
      assertThat(h.files().refused()).isEmpty();
      assertThat(h.files().loaded().get(0).timeout().toMillis()).isEqualTo(800);
      assertThat(h.call("bronze", Map.of()).tags()).containsEntry("tier", "bronze");
    }
  }

  @Test
  void theCircuitBreakerOpensAfterRepeatedFailures() throws Exception {
    Files.writeString(
        dir.resolve("down.yaml"),
        """
        # ringtree.description: Always fails
        # ringtree.inputs: none
        # ringtree.outputs: none
        # ringtree.timeout-ms: 1000
        - route:
            id: connector-down
            from:
              uri: direct:connector-down
              steps:
                - throwException:
                    exceptionType: java.lang.IllegalStateException
                    message: CRM answered HTTP 500
        """);
    try (ConnectorFileHarness h = ConnectorFileHarness.of(dir, Map.of())) {
      for (int i = 0; i < 5; i++) {
        assertThat(h.call("down", Map.of()).failure()).contains("CRM answered HTTP 500");
      }
      ConnectorResult open = h.call("down", Map.of());
      assertThat(open.succeeded()).isFalse();
      assertThat(open.failure()).containsIgnoringCase("CircuitBreaker").contains("OPEN");
    }
  }

  @Test
  void theDemoDoNotCallConnectorChecksTheCsv() throws Exception {
    Path csv = dir.resolve("dnc.csv");
    Files.writeString(csv, "number\n+1 (512) 555-0199\n");
    try (ConnectorFileHarness h =
        ConnectorFileHarness.ofFile(
            Path.of("..", "demo", "connectors", "do-not-call.yaml"),
            Map.of("ringtree.connectors.do-not-call-csv", csv.toString()))) {
      assertThat(h.files().refused()).isEmpty();
      assertThat(h.call("do-not-call", Map.of("caller_number", "+15125550199")).tags())
          .containsEntry("dnc_listed", "true");
      assertThat(h.call("do-not-call", Map.of("caller_number", "+15125550100")).tags())
          .containsEntry("dnc_listed", "false");
      assertThat(h.call("do-not-call", Map.of()).failure()).contains("no caller_number");
    }
  }

  @Test
  void theDemoHttpJsonLookupPostsTheInputsAndTagsTheCallWithTheAnswer() throws Exception {
    AtomicReference<String> received = new AtomicReference<>();
    HttpServer crm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    crm.createContext(
        "/lookup",
        exchange -> {
          received.set(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] answer = "{\"lookup_tier\":\"gold\",\"lookup_known\":true}".getBytes();
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    crm.start();
    try (ConnectorFileHarness h =
        ConnectorFileHarness.ofFile(
            Path.of("..", "demo", "connectors", "http-json-lookup.yaml"),
            Map.of(
                "ringtree.connectors.lookup-url",
                "http://127.0.0.1:" + crm.getAddress().getPort() + "/lookup"))) {
      assertThat(h.files().refused()).isEmpty();
      ConnectorResult r = h.call("http-json-lookup", Map.of("caller_number", "+1512&x=1"));
      assertThat(r.tags())
          .as(String.valueOf(r.failure()))
          .containsEntry("lookup_tier", "gold")
          .containsEntry("lookup_known", "true");
      assertThat(received.get()).isEqualTo("{\"caller_number\":\"+1512&x=1\"}");
    } finally {
      crm.stop(0);
    }
  }
}
