package org.ringtree.runtime.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.engine.CallInput;
import org.ringtree.rules.engine.CallState;
import org.ringtree.runtime.routing.CapacityStore;
import org.ringtree.runtime.routing.DialPlan;
import org.ringtree.runtime.routing.Router;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.springframework.stereotype.Component;

/**
 * What the end of a buyer leg means for the call: answered, the flow goes on past its route node
 * (the leg's connection is saved with the step); not answered, the leg's capacity goes back and the
 * next candidate with capacity is dialled, or the flow takes its fallback port.
 */
@Component
class DialResults {

  private final FlowStepper stepper;
  private final CapacityStore capacity;

  DialResults(FlowStepper stepper, CapacityStore capacity) {
    this.stepper = stepper;
    this.capacity = capacity;
  }

  StepResult dialed(
      UUID callId,
      CallState state,
      DialPlan plan,
      boolean connected,
      String dialStatus,
      int talkSeconds,
      Instant deadline) {
    if (plan == null || !plan.awaitingDial()) {
      return new StepResult(
          state,
          List.of(new CallInstruction.Hangup()),
          plan,
          List.of(
              TraceEntry.of(
                  state.nodeId(),
                  null,
                  TraceKind.DIAL,
                  TraceOutcome.IGNORED,
                  "dial result with no leg ringing")),
          false,
          null);
    }
    DialPlan.Leg leg = plan.ringingLeg();
    if (connected) {
      TraceEntry answered =
          TraceEntry.of(
              plan.nodeId(),
              leg.targetId(),
              TraceKind.DIAL,
              TraceOutcome.CONNECTED,
              leg.name() + " answered; talked " + talkSeconds + " s");
      return stepper
          .next(
              callId,
              state,
              new CallInput.RouteFinished(true, leg.targetId()),
              plan.settled(),
              deadline)
          .after(List.of(answered), new StepResult.Connected(leg, plan.reservation(), talkSeconds));
    }
    // given back now, not with the step: the next candidate may share this leg's buyer caps
    if (plan.reservation() != null) {
      capacity.release(plan.reservation());
    }
    List<TraceEntry> trace = new ArrayList<>();
    trace.add(
        TraceEntry.of(
            plan.nodeId(),
            leg.targetId(),
            TraceKind.DIAL,
            TraceOutcome.ofDialStatus(dialStatus),
            leg.name() + " did not take the call: " + dialStatus));
    Router.Attempt next = stepper.dialNext(callId, plan.settled(), state);
    trace.addAll(next.trace());
    if (next.dialling()) {
      return new StepResult(state, List.of(next.dial()), next.plan(), trace, false, null);
    }
    return stepper
        .next(callId, state, new CallInput.RouteFinished(false, null), next.plan(), deadline)
        .after(trace, null);
  }
}
