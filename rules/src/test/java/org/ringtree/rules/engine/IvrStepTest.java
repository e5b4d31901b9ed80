package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.json.RingtreeJson;

/** One test per IVR node kind's behaviour. */
class IvrStepTest {

  private static final DecisionEngine ENGINE = Harness.ENGINE;

  private static Step start(FlowDocument flow) {
    CompiledFlow c = Harness.compile(flow, Fixtures.directory());
    ENGINE.load(c);
    return ENGINE.start(c.versionKey(), Fixtures.texasCall());
  }

  private static FlowDocument menuFlow() {
    return new Fixtures.FlowBuilder()
        .node(
            "menu",
            NodeKind.MENU,
            Map.of(
                "prompt",
                "Press 1 for sales",
                "retries",
                1L,
                "saveAs",
                "choice",
                "inputs",
                "dtmfSpeech",
                "options",
                List.of(
                    Map.of("key", "1", "speech", "sales"),
                    Map.of("key", "2", "speech", "support"))))
        .node("sales", NodeKind.HANGUP, Map.of("text", "sales"))
        .node("support", NodeKind.HANGUP, Map.of())
        .node("bad", NodeKind.HANGUP, Map.of())
        .node("quiet", NodeKind.HANGUP, Map.of())
        .edge("start", "next", "menu")
        .edge("menu", "1", "sales")
        .edge("menu", "2", "support")
        .edge("menu", "invalid", "bad")
        .edge("menu", "noInput", "quiet")
        .build();
  }

  @Test
  void menuWaitsWithAGatherAndFollowsTheChosenOption() {
    Step s = start(menuFlow());
    assertThat(s.waiting()).isEqualTo(CallState.Waiting.INPUT);
    CallInstruction.Gather g = (CallInstruction.Gather) s.instructions().get(0);
    assertThat(g.numDigits()).isEqualTo(1);
    assertThat(g.inputs())
        .containsExactlyInAnyOrder(
            CallInstruction.InputMode.DTMF, CallInstruction.InputMode.SPEECH);
    Step chosen = ENGINE.next(s.state(), new CallInput.Digits("1"));
    assertThat(chosen.outcome().nodeId()).isEqualTo("sales");
    assertThat(chosen.state().facts().answers()).containsEntry("choice", "1");
  }

  @Test
  void menuUnderstandsSpeech() {
    Step s = start(menuFlow());
    assertThat(
            ENGINE
                .next(s.state(), new CallInput.Speech("I need Support please"))
                .outcome()
                .nodeId())
        .isEqualTo("support");
  }

  @Test
  void menuRetriesThenLeavesByInvalidOrNoInput() {
    Step s = start(menuFlow());
    Step retry = ENGINE.next(s.state(), new CallInput.Digits("7"));
    assertThat(retry.waiting()).isEqualTo(CallState.Waiting.INPUT);
    assertThat(retry.state().attempts()).containsEntry("menu", 1);
    assertThat(ENGINE.next(retry.state(), new CallInput.Digits("8")).outcome().nodeId())
        .isEqualTo("bad");
    Step silent =
        ENGINE.next(
            ENGINE.next(s.state(), new CallInput.NoInput()).state(), new CallInput.NoInput());
    assertThat(silent.outcome().nodeId()).isEqualTo("quiet");
  }

  @Test
  void aPortWithNothingConnectedHandsTheCallerToTheCampaignFallbackNotAHangUp() {
    FlowDocument flow =
        new Fixtures.FlowBuilder()
            .node(
                "menu",
                NodeKind.MENU,
                Map.of("prompt", "Press 1", "retries", 0L, "options", List.of(Map.of("key", "1"))))
            .node("sales", NodeKind.HANGUP, Map.of("text", "sales"))
            .edge("start", "next", "menu")
            .edge("menu", "1", "sales")
            .build();
    Step s = start(flow);

    Step lost = ENGINE.next(s.state(), new CallInput.Digits("9"));

    assertThat(lost.instructions())
        .containsExactly(new CallInstruction.CampaignFallback(Fixtures.texasCall().campaignId()));
    assertThat(lost.trace())
        .anyMatch(j -> j.message().contains("the campaign's fallback takes the call"));
  }

  @Test
  void collectZipValidatesFiveDigitsAndSavesTheAnswer() {
    FlowDocument f =
        new Fixtures.FlowBuilder()
            .node(
                "zip",
                NodeKind.COLLECT_DIGITS,
                Map.of("prompt", "zip?", "mode", "zip", "saveAs", "zip", "retries", 0L))
            .node("ok", NodeKind.HANGUP, Map.of())
            .node("bad", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "zip")
            .edge("zip", "next", "ok")
            .edge("zip", "invalid", "bad")
            .build();
    Step s = start(f);
    assertThat(((CallInstruction.Gather) s.instructions().get(0)).numDigits()).isEqualTo(5);
    Step ok = ENGINE.next(s.state(), new CallInput.Digits("78701"));
    assertThat(ok.outcome().nodeId()).isEqualTo("ok");
    assertThat(ok.state().facts().answers()).containsEntry("zip", "78701");
    assertThat(ENGINE.next(s.state(), new CallInput.Digits("123")).outcome().nodeId())
        .isEqualTo("bad");
  }

  @Test
  void sayPlaysTheRecordingNoticeFirstThenAudioAndText() {
    FlowDocument f =
        new Fixtures.FlowBuilder()
            .node(
                "hi",
                NodeKind.SAY,
                Map.of(
                    "text",
                    "Hello",
                    "audioUrl",
                    "https://cdn.example/jingle.mp3",
                    "recordingNotice",
                    true))
            .node("bye", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "hi")
            .edge("hi", "next", "bye")
            .build();
    List<CallInstruction> in = start(f).instructions();
    assertThat(in).hasSize(4);
    assertThat(((CallInstruction.Say) in.get(0)).text()).contains("recorded");
    assertThat(in.get(1)).isEqualTo(new CallInstruction.Play("https://cdn.example/jingle.mp3"));
    assertThat(((CallInstruction.Say) in.get(2)).text()).isEqualTo("Hello");
    assertThat(in.get(3)).isInstanceOf(CallInstruction.Hangup.class);
  }

  @Test
  void goToLoopsUpToItsLimitThenLeaves() {
    FlowDocument f =
        new Fixtures.FlowBuilder()
            .node(
                "ask",
                NodeKind.COLLECT_DIGITS,
                Map.of(
                    "prompt",
                    "code?",
                    "saveAs",
                    "code",
                    "retries",
                    0L,
                    "minLength",
                    4L,
                    "maxLength",
                    4L))
            .node("again", NodeKind.GOTO, Map.of("maxLoops", 2L))
            .node("ok", NodeKind.HANGUP, Map.of())
            .node("gone", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "ask")
            .edge("ask", "next", "ok")
            .edge("ask", "invalid", "again")
            .edge("again", "loop", "ask")
            .edge("again", "exhausted", "gone")
            .build();
    Step s = start(f);
    s = ENGINE.next(s.state(), new CallInput.Digits("1"));
    assertThat(s.state().attempts()).containsEntry("again", 1);
    s = ENGINE.next(s.state(), new CallInput.Digits("1"));
    assertThat(s.state().attempts()).containsEntry("again", 2);
    assertThat(ENGINE.next(s.state(), new CallInput.Digits("1")).outcome().nodeId())
        .isEqualTo("gone");
  }

  @Test
  void setTagIsVisibleToLaterSteps() {
    FlowDocument f =
        new Fixtures.FlowBuilder()
            .node("tag", NodeKind.SET_TAG, Map.of("tag", "tier", "value", "gold"))
            .node("bye", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "tag")
            .edge("tag", "next", "bye")
            .build();
    assertThat(start(f).state().facts().tags()).containsEntry("tier", "gold");
  }

  @Test
  void connectorRequestCarriesMappedInputsAndTheReplySetsTags() {
    FlowDocument f =
        new Fixtures.FlowBuilder()
            .node(
                "crm",
                NodeKind.CONNECTOR,
                Map.of(
                    "connectorId",
                    "crm-lookup",
                    "inputs",
                    Map.of("phone", "caller.number", "src", "source"),
                    "outputs",
                    Map.of("vip", "isVip"),
                    "timeoutMillis",
                    800L))
            .node("bye", NodeKind.HANGUP, Map.of())
            .node("err", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "crm")
            .edge("crm", "next", "bye")
            .edge("crm", "error", "err")
            .build();
    Step s = start(f);
    assertThat(s.waiting()).isEqualTo(CallState.Waiting.CONNECTOR);
    assertThat(s.connector().input())
        .containsEntry("phone", "+15125550199")
        .containsEntry("src", "google");
    assertThat(s.connector().endpointUri()).startsWith("direct:ringtree-").endsWith("-crm");
    assertThat(s.connector().timeoutMillis()).isEqualTo(800);
    Step replied =
        ENGINE.next(s.state(), new CallInput.ConnectorReply(true, Map.of("isVip", "yes")));
    assertThat(replied.state().facts().tags()).containsEntry("vip", "yes");
    assertThat(ENGINE.next(s.state(), new CallInput.ConnectorReply(false, null)).outcome().nodeId())
        .isEqualTo("err");
  }

  @Test
  void voicemailRecordsThenFollowsNextOrHangsUp() {
    FlowDocument f =
        new Fixtures.FlowBuilder()
            .node("vm", NodeKind.VOICEMAIL, Map.of("maxLengthSeconds", 60L))
            .edge("start", "next", "vm")
            .build();
    Step s = start(f);
    assertThat(s.instructions()).contains(new CallInstruction.Record(60, true));
    Step after = ENGINE.next(s.state(), new CallInput.RecordingFinished("https://rec/1"));
    assertThat(after.outcome().ending()).isEqualTo(CallOutcome.Ending.VOICEMAIL);
  }

  @Test
  void routeFailureTakesTheFallback() {
    CompiledFlow c = Fixtures.demoCompiled();
    ENGINE.load(c);
    Step s = ENGINE.start(c.versionKey(), Fixtures.texasCall());
    Step routing = ENGINE.next(s.state(), new CallInput.Digits("78701"));
    Step fallback = ENGINE.next(routing.state(), new CallInput.RouteFinished(false, null));
    assertThat(fallback.state().nodeId()).isEqualTo("voicemail");
    assertThat(fallback.waiting()).isEqualTo(CallState.Waiting.RECORDING);
  }

  @Test
  void callStateSurvivesAJsonRoundTrip() throws Exception {
    Step s = start(menuFlow());
    String json = RingtreeJson.mapper().writeValueAsString(s.state());
    CallState back = RingtreeJson.mapper().readValue(json, CallState.class);
    assertThat(back).isEqualTo(s.state());
    assertThat(ENGINE.next(back, new CallInput.Digits("2")).outcome().nodeId())
        .isEqualTo("support");
  }
}
