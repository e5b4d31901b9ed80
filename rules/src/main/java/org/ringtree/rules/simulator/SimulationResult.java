package org.ringtree.rules.simulator;

import java.util.List;
import org.ringtree.rules.billing.BillingDecision;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.engine.CallOutcome;

/** The whole simulated call: every turn, how it ended, who took it, and the money. */
public record SimulationResult(
    VersionKey versionKey,
    List<SimulationStep> steps,
    CallOutcome outcome,
    String connectedTargetId,
    BillingDecision billing) {
  public SimulationResult {
    steps = List.copyOf(steps);
  }
}
