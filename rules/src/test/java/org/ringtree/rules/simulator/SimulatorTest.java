package org.ringtree.rules.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.engine.CallOutcome;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.trace.Justification;

class SimulatorTest {

  private final CompiledFlow demo = Fixtures.demoCompiled();
  private final CallSimulator simulator = new EngineCallSimulator(new DecisionEngine());

  private SimulationResult run(CallFacts call, SimulationScript script) {
    return simulator.simulate(new SimulationRequest(demo, call, script, null));
  }

  @Test
  void theSeedCallEarns250From250To200AndKeeps50() {
    SimulationResult r =
        run(Fixtures.texasCall(), SimulationScript.of(List.of(ScriptedInput.digits("78701")), 240));
    assertThat(r.outcome().ending()).isEqualTo(CallOutcome.Ending.CONNECTED);
    assertThat(r.connectedTargetId()).isEqualTo("acme-law");
    assertThat(r.billing().revenue()).isEqualTo(Money.usd("250"));
    assertThat(r.billing().payout()).isEqualTo(Money.usd("200"));
    assertThat(r.billing().margin()).isEqualTo(Money.usd("50"));
    assertThat(r.steps()).extracting(SimulationStep::nodeId).containsExactly("zip", "ring", "ring");
    assertThat(r.steps().get(1).route().pings())
        .extracting(p -> p.targetId())
        .containsExactly("beta-legal");
  }

  @Test
  void aHigherBidWinsTheRingTreeAndSetsTheRevenue() {
    SimulationScript script =
        SimulationScript.of(List.of(ScriptedInput.digits("78701")), 200)
            .withBids(Map.of("beta-legal", ScriptedBid.accept("300", "+15125550155")));
    SimulationResult r = run(Fixtures.texasCall(), script);
    assertThat(r.connectedTargetId()).isEqualTo("beta-legal");
    assertThat(r.billing().revenue()).isEqualTo(Money.usd("300"));
    assertThat(r.billing().margin()).isEqualTo(Money.usd("100"));
  }

  @Test
  void whenNobodyAnswersTheCallFallsThroughToVoicemail() {
    SimulationScript script =
        SimulationScript.of(List.of(ScriptedInput.digits("78701")), 200)
            .withAnswers(Map.of("acme-law", false, "gamma-attorneys", false));
    SimulationResult r = run(Fixtures.texasCall(), script);
    assertThat(r.outcome().ending()).isEqualTo(CallOutcome.Ending.HANGUP);
    assertThat(r.outcome().nodeId()).isEqualTo("goodbye");
    assertThat(r.steps()).extracting(SimulationStep::nodeId).contains("voicemail");
    assertThat(r.steps().get(1).trace())
        .extracting(Justification::message)
        .contains("Acme Law did not answer.", "Gamma Attorneys did not answer.");
    assertThat(r.billing().revenue().isZero()).isTrue();
  }

  @Test
  void aCallerOutsideTexasHearsTheApologyAndIsNotRouted() {
    CallFacts ohio = Fixtures.call(Caller.of("+16145550100", "OH", "43004"), Map.of(), List.of());
    SimulationResult r = run(ohio, SimulationScript.of(List.of(ScriptedInput.digits("43004")), 0));
    assertThat(r.outcome().nodeId()).isEqualTo("not-served");
    assertThat(r.steps().get(r.steps().size() - 1).instructions())
        .first()
        .isInstanceOfSatisfying(
            CallInstruction.Say.class,
            s -> assertThat(s.text()).contains("only serves callers in Texas"));
  }

  @Test
  void silenceRetriesTheZipPromptThenGoesToVoicemail() {
    SimulationResult r = run(Fixtures.texasCall(), SimulationScript.of(List.of(), 0));
    assertThat(r.steps())
        .extracting(SimulationStep::nodeId)
        .containsExactly("zip", "zip", "zip", "voicemail", "goodbye");
  }

  @Test
  void capsCountAcrossSimulatedCalls() {
    EngineCallSimulator sim = new EngineCallSimulator(new DecisionEngine());
    SimulationScript script = SimulationScript.of(List.of(ScriptedInput.digits("78701")), 240);
    for (int i = 0; i < 40; i++) {
      assertThat(
              sim.simulate(new SimulationRequest(demo, Fixtures.texasCall(), script, null))
                  .connectedTargetId())
          .isEqualTo("acme-law");
    }
    SimulationResult next =
        sim.simulate(new SimulationRequest(demo, Fixtures.texasCall(), script, null));
    assertThat(next.connectedTargetId()).isEqualTo("gamma-attorneys");
    assertThat(next.steps().get(1).route().about("acme-law"))
        .extracting(Justification::message)
        .containsExactly("Acme Law skipped: daily cap 40/40");
  }

  @Test
  void aCallOnTheDemoTrackingNumberCarriesItsSourceTags() {
    var number =
        Fixtures.directory()
            .trackingNumber(org.ringtree.rules.examples.DemoNetwork.TRACKING_NUMBER)
            .orElseThrow();
    CallFacts call =
        CallFacts.arriving(
            "call-9",
            number,
            Caller.of("+15125550199", "TX", "78701"),
            Fixtures.WEDNESDAY_10_CHICAGO,
            List.of());
    assertThat(call.tags()).containsEntry("source", "google");
    SimulationResult r =
        run(call, SimulationScript.of(List.of(ScriptedInput.digits("78701")), 240));
    assertThat(r.billing().margin()).isEqualTo(Money.usd("50"));
  }

  @Test
  void theTraceSerialisesToJson() throws Exception {
    SimulationResult r =
        run(Fixtures.texasCall(), SimulationScript.of(List.of(ScriptedInput.digits("78701")), 240));
    String json = RingtreeJson.mapper().writeValueAsString(r);
    assertThat(json)
        .contains("\"type\" : \"gather\"".replace(" : ", ":"))
        .contains("Acme Law wins");
  }
}
