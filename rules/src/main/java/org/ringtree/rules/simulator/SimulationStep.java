package org.ringtree.rules.simulator;

import java.util.List;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.trace.Justification;

/**
 * One turn of a simulated call: the input that led to it ({@code event}), the node it stopped at,
 * what the caller heard, the engine's trace, and the route decision when routing happened.
 */
public record SimulationStep(
    int turn,
    String event,
    String nodeId,
    CallState.Waiting waiting,
    List<CallInstruction> instructions,
    List<Justification> trace,
    RouteDecision route) {}
