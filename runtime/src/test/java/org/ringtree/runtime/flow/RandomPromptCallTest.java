package org.ringtree.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.port.FlowEditingPort;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The random prompt node in a real call: published from the console's port, reached over signed
 * webhooks, its prompt in the TwiML and its pick in the call's stored trace.
 */
class RandomPromptCallTest extends RunningPlatformTest {

  private static final List<String> GREETINGS =
      List.of("Thanks for calling.", "Hello, and welcome.", "Good to hear from you.");

  @Autowired FlowEditingPort editing;
  @Autowired JdbcClient jdbc;

  /** Its own platform: the flow published here must not replace the shared demo network's. */
  @DynamicPropertySource
  static void ownPlatform(DynamicPropertyRegistry registry) {
    registry.add("vaadin.devmode.devTools.enabled", () -> false);
  }

  @Test
  void aCallerHearsOneOfThePromptsAndTheTraceSaysWhichOne() {
    String flowId =
        editing.flows().stream()
            .filter(f -> f.campaignId().equals("pi-accidents"))
            .findFirst()
            .orElseThrow()
            .flowId();
    FlowDocument greeting =
        new FlowDocument(
            1,
            flowId,
            "Greeting",
            "pi-accidents",
            List.of(
                new FlowNode("start", NodeKind.START, Position.ORIGIN, Map.of()),
                new FlowNode(
                    "greet",
                    NodeKind.RANDOM_PROMPT,
                    new Position(0, 130),
                    Map.of("prompts", GREETINGS.stream().map(g -> Map.of("text", g)).toList())),
                new FlowNode("bye", NodeKind.HANGUP, new Position(0, 260), Map.of())),
            List.of(new FlowEdge("start", "next", "greet"), new FlowEdge("greet", "next", "bye")));
    assertThat(editing.publish(greeting, "test").published()).isTrue();

    CallTranscript call = driver().place(CallScript.demo());

    List<String> prompts =
        GREETINGS.stream().filter(g -> call.heard().contains("\"" + g + "\"")).toList();
    assertThat(prompts).as("heard: %s", call.heard()).hasSize(1);
    assertThat(
            jdbc.sql(
                    "SELECT t.reason FROM routing_trace t JOIN calls c ON c.id = t.call_id"
                        + " WHERE c.call_sid = ? AND t.kind = 'step'")
                .param(call.callSid())
                .query(String.class)
                .list())
        .contains("Played prompt " + (GREETINGS.indexOf(prompts.get(0)) + 1) + " of 3.");
  }
}
