package org.ringtree.runtime.score;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.flow.Position;
import org.ringtree.rules.fraud.CallerIdKind;
import org.ringtree.rules.fraud.StirVerstat;
import org.ringtree.rules.port.FlowEditingPort;
import org.ringtree.rules.score.Score;
import org.ringtree.rules.score.ScoreFeatures;
import org.ringtree.rules.score.ScorePrior;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The call-quality score in the running platform, over signed webhooks: every call is scored before
 * its flow's first node (a row in call_scores and a score line in its trace), a repeat caller
 * scores lower and is told why, and a flow's {@code score ≥ 55} condition sends a low-score caller
 * down its other branch. No model is promoted here: the prior scores and the note says so.
 */
class ScoredCallTest extends RunningPlatformTest {

  // each caller has a prefix (+1 NPA NXX X) no other caller of this platform uses
  private static final String FRESH = "+14155550123"; // San Francisco
  private static final String REPEAT = "+12145550177"; // Dallas
  private static final String STORED = "+16175550123"; // Boston

  @Autowired FlowEditingPort editing;
  @Autowired JdbcClient jdbc;
  @Autowired CallScoreStore scores;

  /** Its own platform: the flow published here must not replace the shared demo network's. */
  @DynamicPropertySource
  static void ownPlatform(DynamicPropertyRegistry registry) {
    registry.add("ringtree.test.platform", () -> "scored-calls");
  }

  @BeforeEach
  void publishAFlowThatBranchesOnTheScore() {
    String flowId =
        editing.flows().stream()
            .filter(f -> f.campaignId().equals("pi-accidents"))
            .findFirst()
            .orElseThrow()
            .flowId();
    FlowDocument flow =
        new FlowDocument(
            1,
            flowId,
            "Good callers first",
            "pi-accidents",
            List.of(
                new FlowNode("start", NodeKind.START, Position.ORIGIN, Map.of()),
                new FlowNode(
                    "quality",
                    NodeKind.CONDITION,
                    new Position(0, 130),
                    Map.of(
                        "clauses",
                        List.of(Map.of("type", "score", "operator", "gte", "value", "55")))),
                new FlowNode(
                    "high", NodeKind.SAY, new Position(-150, 260), Map.of("text", "High.")),
                new FlowNode("low", NodeKind.SAY, new Position(150, 260), Map.of("text", "Low.")),
                new FlowNode("bye", NodeKind.HANGUP, new Position(0, 390), Map.of())),
            List.of(
                new FlowEdge("start", "next", "quality"),
                new FlowEdge("quality", "true", "high"),
                new FlowEdge("quality", "false", "low"),
                new FlowEdge("high", "next", "bye"),
                new FlowEdge("low", "next", "bye")));
    assertThat(editing.publish(flow, "test").published()).isTrue();
  }

  private CallTranscript call(String caller, String state, String zip) {
    return driver().place(CallScript.demo().withCaller(caller, state, zip).withAnswers(List.of()));
  }

  @Test
  void aSignedWebhookCallIsScoredBeforeItsFirstNodeWithARowAndATraceLine() {
    CallTranscript call = call(FRESH, "CA", "94103");

    CallScoreStore.Stored row = scores.find(callId(call)).orElseThrow();
    assertThat(row.source()).isEqualTo(Score.Source.PRIOR);
    assertThat(row.model()).isEqualTo(ScorePrior.NAME);
    assertThat(row.note()).isEqualTo("no model promoted: the prior scored this call");
    assertThat(row.features().calls24h()).isZero();
    assertThat(row.features().stir()).isEqualTo(StirVerstat.ABSENT);
    assertThat(row.features().callerId()).isEqualTo(CallerIdKind.VALID);
    assertThat(row.features().geo()).isEqualTo(ScoreFeatures.Geo.MATCH);
    assertThat(row.reasons()).anySatisfy(r -> assertThat(r.feature()).isEqualTo("stir"));

    List<String> trace = trace(call);
    assertThat(trace.get(0))
        .startsWith("score SCORED score " + row.value() + " (prior-1): ")
        .endsWith("[no model promoted: the prior scored this call]");
    // the clean caller scores 70 − 5 (no SHAKEN/STIR came), − 8 more between 00:00 and 05:59
    assertThat(row.value()).isIn(65, 57);
    assertThat(call.heard()).anyMatch(h -> h.contains("High."));

    JsonNode api =
        Api.signedIn(baseUrl, "operator", "ringtree-operator-demo")
            .get("/api/calls/" + call.callSid())
            .json()
            .path("score");
    assertThat(api.path("value").asInt()).isEqualTo(row.value());
    assertThat(api.path("model").asText()).isEqualTo("prior-1");
    assertThat(api.path("note").asText()).isEqualTo(row.note());
    assertThat(api.path("reasons").get(0).path("shown").asText())
        .isEqualTo(row.reasons().get(0).shown());
    assertThat(api.path("features").path("stir").asText()).isEqualTo("ABSENT");
  }

  @Test
  void aRepeatCallerScoresLowerWithTheReasonAndTakesTheLowBranch() {
    CallTranscript first = call(REPEAT, "TX", "75201");
    for (int i = 0; i < 4; i++) {
      call(REPEAT, "TX", "75201");
    }
    CallTranscript sixth = call(REPEAT, "TX", "75201");

    CallScoreStore.Stored before = scores.find(callId(first)).orElseThrow();
    CallScoreStore.Stored after = scores.find(callId(sixth)).orElseThrow();
    assertThat(after.features().calls24h()).isEqualTo(5);
    assertThat(after.value()).isEqualTo(before.value() - 24);
    assertThat(after.reasons())
        .anySatisfy(
            r -> assertThat(r.toString()).isEqualTo("caller called 5 times in 24 h: \u221224"));
    assertThat(trace(sixth).get(0)).contains("caller called 5 times in 24 h: \u221224");
    assertThat(first.heard()).anyMatch(h -> h.contains("High."));
    assertThat(sixth.heard()).anyMatch(h -> h.contains("Low.")).noneMatch(h -> h.contains("High."));
    assertThat(stepReasons(sixth)).anyMatch(r -> r.startsWith("Condition is false"));
  }

  @Test
  void numbersSharingTheCallersPrefixFromThePublisherInTheHourAreCounted() {
    for (String rotated : List.of("+19725550101", "+19725550102", "+19725550103")) {
      call(rotated, "TX", "75201");
    }
    CallTranscript fourth = call("+19725550104", "TX", "75201");

    CallScoreStore.Stored row = scores.find(callId(fourth)).orElseThrow();
    assertThat(row.features().prefixNeighbours()).isEqualTo(3);
    assertThat(row.reasons()).anySatisfy(r -> assertThat(r.points()).isEqualTo(-15));
  }

  @Test
  void theFeaturesReadBackEqualToWhatWasStored() {
    CallTranscript call = call(STORED, "MA", "02108");
    UUID id = callId(call);
    Map<String, String> tags = new TreeMap<>(Map.of("source", "google", "vertical", "legal"));
    ScoreFeatures features =
        new ScoreFeatures(
            "sunrise-media",
            "pi-accidents",
            tags,
            57,
            3,
            7,
            1,
            2,
            "415",
            "CA",
            "75201",
            "TX",
            StirVerstat.PASSED_B,
            CallerIdKind.VALID,
            Map.of("accident", "1", "injured", "yes"),
            23,
            4);
    Score score = ScorePrior.score(features);

    scores.save(
        id,
        java.time.Instant.parse("2026-12-06T10:00:00Z"),
        new CallScorer.Scored(score, features));

    CallScoreStore.Stored read = scores.find(id).orElseThrow();
    assertThat(read.features()).isEqualTo(features);
    assertThat(read.reasons()).isEqualTo(score.reasons());
    assertThat(read.value()).isEqualTo(score.value());
  }

  private UUID callId(CallTranscript call) {
    return jdbc.sql("SELECT id FROM calls WHERE call_sid = ?")
        .param(call.callSid())
        .query(UUID.class)
        .single();
  }

  private List<String> trace(CallTranscript call) {
    return jdbc.sql(
            "SELECT t.kind || ' ' || t.outcome || ' ' || t.reason FROM routing_trace t"
                + " JOIN calls c ON c.id = t.call_id WHERE c.call_sid = ? ORDER BY t.seq")
        .param(call.callSid())
        .query(String.class)
        .list();
  }

  private List<String> stepReasons(CallTranscript call) {
    return jdbc.sql(
            "SELECT t.reason FROM routing_trace t JOIN calls c ON c.id = t.call_id"
                + " WHERE c.call_sid = ? AND t.kind = 'step' ORDER BY t.seq")
        .param(call.callSid())
        .query(String.class)
        .list();
  }
}
