package org.ringtree.rules.engine;

import java.util.List;
import java.util.Map;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeCatalog;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.trace.Justification;

/**
 * Walks a flow: runs nodes that need nothing from the caller (say, set tag, condition, go-to) in
 * one go and stops at the first node that waits (menu, collect, route, connector, voicemail) or
 * ends the call. What each node does is its kind's {@link NodeExecution}.
 */
final class Ivr {

  /** Nodes run per webhook at most; validation caps loops, this guards against anything else. */
  static final int MAX_STEPS_PER_TURN = 200;

  private final FlowRuntime rt;

  Ivr(FlowRuntime rt) {
    this.rt = rt;
  }

  Step start(CallFacts facts) {
    CallState initial =
        new CallState(
            rt.versionKey(), rt.startNodeId(), CallState.Waiting.INPUT, facts, Map.of(), 0);
    Turn t = new Turn(rt, initial);
    t.trace.add(Justification.step(rt.startNodeId(), null, "Call entered the flow."));
    return run(t, rt.next(rt.startNodeId(), "next"), rt.startNodeId(), "next");
  }

  Step next(CallState state, CallInput input) {
    if (!state.versionKey().equals(rt.versionKey())) {
      throw new IllegalArgumentException("state belongs to flow version " + state.versionKey());
    }
    if (state.waiting() == CallState.Waiting.DONE) {
      return new Step(
          state,
          List.of(),
          null,
          null,
          new CallOutcome(CallOutcome.Ending.HANGUP, state.nodeId(), "the call has already ended"),
          List.of());
    }
    Turn t = new Turn(rt, state);
    FlowNode node = rt.node(state.nodeId());
    Next next = execution(node.kind()).resume(node, t, input);
    if (next instanceof Next.Port p) {
      return run(t, rt.next(node.id(), p.port()), node.id(), p.port());
    }
    return stop(t, node, next);
  }

  /** Runs from {@code nodeId} until something waits or the call ends. */
  private Step run(Turn t, String nodeId, String fromNode, String fromPort) {
    String current = nodeId;
    String prev = fromNode;
    String prevPort = fromPort;
    for (int i = 0; i < MAX_STEPS_PER_TURN; i++) {
      if (current == null) {
        // nowhere to go: the campaign's fallback takes the caller, never a bare hang-up
        t.trace.add(
            Justification.step(
                prev,
                null,
                "Port " + prevPort + " is not connected; the campaign's fallback takes the call."));
        t.instructions.add(new CallInstruction.CampaignFallback(t.facts().campaignId()));
        return end(
            t,
            prev,
            CallOutcome.Ending.HANGUP,
            "port " + prevPort + " not connected: campaign fallback");
      }
      FlowNode node = rt.node(current);
      t.steps++;
      Next next = execution(node.kind()).enter(node, t);
      if (!(next instanceof Next.Port p)) {
        return stop(t, node, next);
      }
      prev = current;
      prevPort = p.port();
      current = rt.next(current, prevPort);
    }
    t.instructions.add(new CallInstruction.Hangup());
    return end(
        t,
        prev,
        CallOutcome.Ending.STEP_LIMIT,
        "more than " + MAX_STEPS_PER_TURN + " steps in one turn");
  }

  private Step stop(Turn t, FlowNode node, Next next) {
    if (next instanceof Next.Wait w) {
      return new Step(
          state(t, node.id(), w.waiting()),
          t.instructions,
          w.route(),
          w.connector(),
          null,
          t.trace);
    }
    if (next instanceof Next.End e) {
      return end(t, node.id(), e.ending(), e.message());
    }
    throw new IllegalStateException("a port is not a stop: " + next);
  }

  private static NodeExecution execution(NodeKind kind) {
    if (NodeCatalog.handler(kind) instanceof NodeExecution e) {
      return e;
    }
    throw new IllegalStateException("the handler of " + kind + " cannot run");
  }

  private CallState state(Turn t, String nodeId, CallState.Waiting waiting) {
    return new CallState(rt.versionKey(), nodeId, waiting, t.facts(), t.attempts(), t.steps);
  }

  private Step end(Turn t, String nodeId, CallOutcome.Ending ending, String message) {
    return new Step(
        state(t, nodeId, CallState.Waiting.DONE),
        t.instructions,
        null,
        null,
        new CallOutcome(ending, nodeId, message),
        t.trace);
  }
}
