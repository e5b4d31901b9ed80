package org.ringtree.rules.engine;

import java.util.List;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.trace.Justification;

/**
 * The engine's answer for one webhook: the new state to store, the instructions to play now, and
 * what the call waits for: caller input, a routing decision ({@code route}), a connector ({@code
 * connector}), a recording, or nothing because it ended ({@code outcome}). {@code trace} says which
 * node and rule did what.
 *
 * <p>When a step carries a route or connector request, its instructions are played before the dial,
 * or together with the next step's instructions after the connector replied.
 */
public record Step(
    CallState state,
    List<CallInstruction> instructions,
    RouteRequest route,
    ConnectorRequest connector,
    CallOutcome outcome,
    List<Justification> trace) {

  public Step {
    instructions = List.copyOf(instructions);
    trace = List.copyOf(trace);
  }

  public CallState.Waiting waiting() {
    return state.waiting();
  }

  public boolean ended() {
    return outcome != null;
  }
}
