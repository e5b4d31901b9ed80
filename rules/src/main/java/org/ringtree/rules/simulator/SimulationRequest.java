package org.ringtree.rules.simulator;

import java.util.Objects;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.routing.UsageSnapshot;

/**
 * One simulated call: the compiled version (which embeds its directory snapshot), the caller
 * profile and call facts, the script, and optionally starting usage (null: the simulator's own
 * in-memory counters).
 */
public record SimulationRequest(
    CompiledFlow flow, CallFacts call, SimulationScript script, UsageSnapshot usage) {
  public SimulationRequest {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(script, "script");
  }
}
