package org.ringtree.editor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.simulator.EngineCallSimulator;
import org.ringtree.rules.simulator.ScriptedInput;
import org.ringtree.rules.simulator.SimulationRequest;
import org.ringtree.rules.simulator.SimulationScript;

class SimulationReportTest {

  private static final Instant WEDNESDAY_MORNING_IN_TEXAS = Instant.parse("2026-11-25T16:00:00Z");

  private final CompiledFlow demo =
      FlowCompiler.compile(DemoNetwork.flow(), DemoNetwork.directory()).compiled().orElseThrow();

  private SimulationReport run(SimulationScript script) {
    CallFacts call =
        new CallFacts(
            "call-1",
            "legal-tx",
            "pub-1",
            DemoNetwork.TRACKING_NUMBER,
            Caller.of("+15125550199", "TX", "78701"),
            Map.of("source", "google"),
            Map.of(),
            WEDNESDAY_MORNING_IN_TEXAS,
            List.of());
    return SimulationReport.of(
        new EngineCallSimulator(new DecisionEngine())
            .simulate(new SimulationRequest(demo, call, script, null)));
  }

  @Test
  void theOperatorsScriptBecomesInputsBidsAndAnswers() {
    SimulationScript script =
        SimulationReport.script(
            " 1, 78701 ,speech: yes please, silence,",
            Map.of("beta-legal", new BigDecimal("300"), "gamma-attorneys", BigDecimal.ZERO),
            List.of("acme-law"),
            95);
    assertThat(script.inputs())
        .containsExactly(
            ScriptedInput.digits("1"),
            ScriptedInput.digits("78701"),
            ScriptedInput.speech("yes please"),
            ScriptedInput.silence());
    assertThat(script.bids().get("beta-legal").accept()).isTrue();
    assertThat(script.answers()).containsEntry("acme-law", false);
    assertThat(script.talkSeconds()).isEqualTo(95);
  }

  @Test
  void aHigherBidWinsAndTheReportShowsThePathAuctionAndMoney() {
    SimulationReport report =
        run(
            SimulationReport.script(
                "78701", Map.of("beta-legal", new BigDecimal("300")), List.of(), 200));

    assertThat(report.winner()).isEqualTo("Beta Legal (beta)");
    assertThat(report.path()).startsWith("start", "greeting", "zip").contains("ring");
    assertThat(report.auction()).isNotEmpty();
    assertThat(report.auction().get(0).targetId()).isEqualTo("beta-legal");
    assertThat(report.auction().get(0).price()).isEqualTo("300.00 USD");
    assertThat(report.revenue()).isEqualTo("300.00 USD");
    assertThat(report.steps())
        .extracting(SimulationReport.StepRow::heard)
        .anyMatch(h -> h.contains("zip code"));
  }

  @Test
  void aBuyerWhoDoesNotAnswerIsListedWithItsReason() {
    SimulationReport report =
        run(SimulationReport.script("78701", Map.of(), List.of("acme-law"), 200));
    assertThat(report.skips())
        .extracting(SimulationReport.SkipRow::reason)
        .anyMatch(r -> r.contains("did not answer"));
    assertThat(report.winner()).doesNotContain("Acme");
  }
}
