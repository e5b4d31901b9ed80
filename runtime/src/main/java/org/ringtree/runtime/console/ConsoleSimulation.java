package org.ringtree.runtime.console;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.compiler.CompileResult;
import org.ringtree.rules.compiler.FlowCompiler;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.port.SimulationPort;
import org.ringtree.rules.simulator.EngineCallSimulator;
import org.ringtree.rules.simulator.SimulationRequest;
import org.ringtree.rules.simulator.SimulationScript;
import org.ringtree.rules.validation.Issue;
import org.springframework.stereotype.Service;

/**
 * Compiles the draft against the current directory and runs it through the rules simulator, whose
 * start/next/route/bill are the decision engine's own. Each simulation gets its own engine, so
 * drafts never reach the engine that serves live calls.
 */
@Service
class ConsoleSimulation implements SimulationPort {

  private final ConsoleFlowEditing editing;

  ConsoleSimulation(ConsoleFlowEditing editing) {
    this.editing = editing;
  }

  @Override
  public SimulationOutcome simulate(
      FlowDocument draft, CallerProfile caller, SimulationScript script) {
    DirectorySnapshot directory = editing.snapshot();
    CompileResult compiled = FlowCompiler.compile(draft, directory);
    if (compiled.compiled().isEmpty()) {
      return new SimulationOutcome(null, compiled.issues());
    }
    TrackingNumber number =
        caller.trackingNumber() == null
            ? null
            : directory.trackingNumber(caller.trackingNumber()).orElse(null);
    if (caller.trackingNumber() != null && number == null) {
      return new SimulationOutcome(
          null,
          List.of(
              Issue.error(
                  null,
                  "trackingNumber",
                  "sim.unknownNumber",
                  "Tracking number " + caller.trackingNumber() + " is not in the directory.")));
    }
    CallFacts facts =
        new CallFacts(
            "sim-" + UUID.randomUUID(),
            number != null ? number.campaignId() : draft.campaignId(),
            number != null ? number.publisherId() : null,
            caller.trackingNumber(),
            Caller.of(caller.number(), blankToNull(caller.state()), blankToNull(caller.zip())),
            number != null ? number.sourceTags() : Map.of(),
            Map.of(),
            Instant.now(),
            List.of());
    EngineCallSimulator simulator = new EngineCallSimulator(new DecisionEngine());
    return new SimulationOutcome(
        simulator.simulate(new SimulationRequest(compiled.compiled().get(), facts, script, null)),
        compiled.issues());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
