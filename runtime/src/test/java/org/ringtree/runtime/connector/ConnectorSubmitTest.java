package org.ringtree.runtime.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.approval.TestFlows;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.security.SecuredAppTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** The REST flow submit validates connector nodes against the connectors this node loaded. */
@TestPropertySource(
    properties = {
      "ringtree.connectors.lookup-url=http://127.0.0.1:9/lookup",
      "ringtree.connectors.poll=200ms"
    })
class ConnectorSubmitTest extends SecuredAppTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A copy of the demo connectors, so the test can add files. */
  private static final Path DIR = demoConnectorsCopy();

  @DynamicPropertySource
  static void connectorsDir(DynamicPropertyRegistry registry) {
    registry.add("ringtree.connectors.dir", DIR::toString);
  }

  private static Path demoConnectorsCopy() {
    try {
      Path dir = Files.createTempDirectory("connectors");
      try (var files = Files.list(Path.of("..", "demo", "connectors"))) {
        for (Path f : files.toList()) {
          Files.copy(f, dir.resolve(f.getFileName()));
        }
      }
      return dir;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Autowired DirectoryStore directory;
  @Autowired ConnectorFiles files;
  @Autowired ConnectorNames names;

  @Test
  void theDemoConnectorsAreLoadedAndASubmittedFlowMayNameOne() throws Exception {
    assertThat(files.refused()).isEmpty();
    assertThat(names.all()).contains("do-not-call", "http-json-lookup");
    assertThat(names.describe("do-not-call"))
        .isEqualTo("Is the caller on the do-not-call list (a CSV file)? (500 ms)");

    TestFlows.TestFlow flow = TestFlows.create(directory);
    Api.Reply created =
        as(OPERATOR)
            .postRaw(
                "/api/compliance/flows/" + flow.flowId() + "/versions",
                withConnector(flow.json(100), "do-not-call"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);

    Api.Reply unknown =
        as(OPERATOR)
            .postRaw(
                "/api/compliance/flows/" + flow.flowId() + "/versions",
                withConnector(flow.json(100), "not-loaded"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body()).contains("not-loaded");
  }

  @Test
  void aFileDroppedIntoTheDirectoryIsLoadedWithoutARestart() throws Exception {
    Files.writeString(
        DIR.resolve("late.yaml"),
        """
        # ringtree.description: Arrives while the node runs
        # ringtree.inputs: none
        # ringtree.outputs: late
        # ringtree.timeout-ms: 500
        - route:
            id: connector-late
            from:
              uri: direct:connector-late
              steps:
                - setBody:
                    constant: '{"late":"yes"}'
        """);
    long until = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (!names.all().contains("late") && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    assertThat(names.all()).contains("late", "do-not-call");
  }

  /** The flow with a connector node after the greeting. */
  private static String withConnector(String flowJson, String connector) throws Exception {
    ObjectNode doc = (ObjectNode) JSON.readTree(flowJson);
    ObjectNode node = ((ArrayNode) doc.get("nodes")).addObject();
    // the demo flow has its own "dnc" node after the zip; this one runs after the greeting
    node.put("id", "early-check").put("kind", "connector");
    node.putObject("position").put("x", 300).put("y", 120);
    ObjectNode config = node.putObject("config");
    config.put("connectorId", connector).put("timeoutMillis", 500);
    config.putObject("inputs").put("caller_number", "caller.number");
    config.putObject("outputs").put("dnc_listed", "dnc_listed");
    for (var e : doc.get("edges")) {
      if (e.get("from").asText().equals("greeting")) {
        ((ObjectNode) e).put("to", "early-check");
      }
    }
    ((ArrayNode) doc.get("edges"))
        .addObject()
        .put("from", "early-check")
        .put("port", "next")
        .put("to", "reason");
    return JSON.writeValueAsString(doc);
  }
}
