package org.ringtree.rules.node.randomprompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.engine.CallOutcome;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.engine.Step;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.simulator.EngineCallSimulator;
import org.ringtree.rules.simulator.SimulationRequest;
import org.ringtree.rules.simulator.SimulationResult;
import org.ringtree.rules.simulator.SimulationScript;
import org.ringtree.rules.trace.Justification;
import org.ringtree.rules.validation.FlowValidator;
import org.ringtree.rules.validation.Issue;

/** The random prompt kind end to end: schema, checks, compiled and run, and simulated. */
class RandomPromptTest {

  private static final List<String> GREETINGS =
      List.of("Thanks for calling.", "Hello, and welcome.", "Good to hear from you.");

  private static FlowDocument flow(List<?> prompts) {
    return new Fixtures.FlowBuilder()
        .node(
            "greet",
            NodeKind.RANDOM_PROMPT,
            Map.of(
                "prompts",
                prompts.stream().map(p -> p instanceof String s ? Map.of("text", s) : p).toList(),
                "voice",
                "Polly.Joanna"))
        .node("bye", NodeKind.HANGUP, Map.of())
        .edge("start", "next", "greet")
        .edge("greet", "next", "bye")
        .build();
  }

  private static List<Issue> issues(List<?> prompts) {
    return FlowValidator.validate(flow(prompts), Fixtures.directory()).stream()
        .filter(i -> "greet".equals(i.nodeId()))
        .toList();
  }

  private static CallFacts call(String callId) {
    CallFacts base = Fixtures.call(Caller.of("+15125550199", "TX", "78701"), Map.of(), List.of());
    return new CallFacts(
        callId,
        base.campaignId(),
        base.publisherId(),
        base.trackingNumber(),
        base.caller(),
        base.tags(),
        base.answers(),
        base.arrivedAt(),
        base.history());
  }

  private static String said(Step step) {
    return step.instructions().stream()
        .filter(CallInstruction.Say.class::isInstance)
        .map(i -> ((CallInstruction.Say) i).text())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theCatalogOffersItInTheVoicePaletteWithAPromptList() {
    var spec = NodeCatalog.spec(NodeKind.RANDOM_PROMPT);
    assertThat(spec.category()).isEqualTo("Voice");
    assertThat(spec.field("prompts").orElseThrow().itemFields())
        .extracting(f -> f.name())
        .containsExactly("text");
    assertThat(NodeKind.fromJson("randomPrompt")).contains(NodeKind.RANDOM_PROMPT);
  }

  @Test
  void aFlowWithThreePromptsIsValidAndReadsBackFromJson() {
    assertThat(issues(GREETINGS)).isEmpty();
    String json = FlowJson.write(flow(GREETINGS));
    assertThat(json).contains("\"randomPrompt\"");
    assertThat(FlowJson.read(json).document()).contains(flow(GREETINGS));
  }

  @Test
  void noPromptsIsAnError() {
    assertThat(issues(List.of()))
        .extracting(Issue::field, Issue::code)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("prompts", "setting.required"));
  }

  @Test
  void aBlankPromptIsAnErrorOnThatPrompt() {
    assertThat(issues(List.of("Hello.", "   ")))
        .extracting(Issue::field, Issue::code, Issue::isError)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("prompts[1].text", "randomPrompt.blank", true));
  }

  @Test
  void aRepeatedPromptIsAWarning() {
    assertThat(issues(List.of("Hello.", "Hi.", "Hello. ")))
        .extracting(Issue::field, Issue::code, Issue::isError)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "prompts[2].text", "randomPrompt.duplicate", false));
  }

  @Test
  void aSinglePromptIsAWarningThatASayNodeWouldDo() {
    assertThat(issues(List.of("Hello.")))
        .extracting(Issue::code, Issue::isError)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("randomPrompt.single", false));
  }

  @Test
  void theCompiledFlowPlaysOneOfThePromptsInItsVoiceAndGoesOn() {
    CompiledFlow compiled =
        FlowCompiler.compile(flow(GREETINGS), Fixtures.directory()).orElseThrow();
    DecisionEngine engine = new DecisionEngine();
    engine.load(compiled);

    Step step = engine.start(compiled.versionKey(), call("CA-1"));

    CallInstruction.Say say =
        (CallInstruction.Say)
            step.instructions().stream()
                .filter(CallInstruction.Say.class::isInstance)
                .findFirst()
                .orElseThrow();
    assertThat(GREETINGS).contains(say.text());
    assertThat(say.voice()).isEqualTo("Polly.Joanna");
    assertThat(step.outcome().ending()).isEqualTo(CallOutcome.Ending.HANGUP);
    assertThat(step.trace())
        .extracting(Justification::message)
        .contains("Played prompt " + (GREETINGS.indexOf(say.text()) + 1) + " of 3.");
  }

  @Test
  void aCallAlwaysHearsTheSamePromptAndCallsTogetherHearThemAll() {
    CompiledFlow compiled =
        FlowCompiler.compile(flow(GREETINGS), Fixtures.directory()).orElseThrow();
    DecisionEngine engine = new DecisionEngine();
    engine.load(compiled);

    String first = said(engine.start(compiled.versionKey(), call("CA-7")));
    assertThat(said(engine.start(compiled.versionKey(), call("CA-7")))).isEqualTo(first);

    Set<String> heard = new HashSet<>();
    for (int i = 0; i < 60; i++) {
      heard.add(said(engine.start(compiled.versionKey(), call("CA-" + i))));
    }
    assertThat(heard).containsExactlyInAnyOrderElementsOf(GREETINGS);
  }

  @Test
  void theSimulatorShowsThePromptPlayedAndTheCallEnding() {
    CompiledFlow compiled =
        FlowCompiler.compile(flow(GREETINGS), Fixtures.directory()).orElseThrow();
    SimulationResult r =
        new EngineCallSimulator(new DecisionEngine())
            .simulate(
                new SimulationRequest(
                    compiled, call("CA-7"), SimulationScript.of(List.of(), 0), null));

    assertThat(r.outcome().ending()).isEqualTo(CallOutcome.Ending.HANGUP);
    assertThat(r.steps().get(0).instructions())
        .filteredOn(CallInstruction.Say.class::isInstance)
        .extracting(i -> ((CallInstruction.Say) i).text())
        .singleElement()
        .isIn(GREETINGS);
    assertThat(r.steps().get(0).trace()).extracting(Justification::nodeId).contains("greet");
  }
}
