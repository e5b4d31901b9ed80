package org.ringtree.runtime.call;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.engine.CallState;
import org.ringtree.runtime.routing.DialPlan;
import org.ringtree.runtime.routing.TraceEntry;

/**
 * What a webhook computed, besides the answer: everything {@link CallSteps} (or {@link
 * CallArrivals}) saves with it in the webhook's one transaction.
 *
 * @param connected the buyer leg this webhook reports answered, or null
 */
record StepResult(
    CallState state,
    List<CallInstruction> instructions,
    DialPlan plan,
    List<TraceEntry> trace,
    boolean callEnded,
    Connected connected) {

  /** A buyer leg answered: what the call row and the capacity hold record of it. */
  record Connected(DialPlan.Leg leg, UUID reservation, int talkSeconds) {}

  boolean awaitingDial() {
    return plan != null && plan.awaitingDial();
  }

  CallPhase phase() {
    if (awaitingDial()) {
      return CallPhase.RINGING_BUYER;
    }
    return callEnded ? CallPhase.FLOW_ENDED : CallPhase.IN_IVR;
  }

  /** This result with {@code earlier} trace lines (the dial result) before its own. */
  StepResult after(List<TraceEntry> earlier, Connected leg) {
    List<TraceEntry> all = new ArrayList<>(earlier);
    all.addAll(trace);
    return new StepResult(state, instructions, plan, all, callEnded, leg);
  }
}
