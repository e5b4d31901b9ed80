package org.ringtree.runtime.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.ringtree.integrations.connector.ConnectorResult;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.engine.CallInput;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.engine.ConnectorRequest;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.engine.Step;
import org.ringtree.runtime.flow.FlowRuntimes;
import org.ringtree.runtime.fraud.FraudDefences;
import org.ringtree.runtime.routing.CapacityStore;
import org.ringtree.runtime.routing.DialPlan;
import org.ringtree.runtime.routing.Router;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.ringtree.runtime.supply.SupplyBidJoins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Moves a call through its flow: engine steps until the call waits for the caller or a buyer leg,
 * or ends, running route nodes through the {@link Router} (pings, capacity holds) and connector
 * nodes through {@link ConnectorCalls}. It computes; it saves nothing about the call.
 */
@Component
class FlowStepper {

  private static final Logger log = LoggerFactory.getLogger(FlowStepper.class);
  private static final int MAX_TURNS = 20;
  // less than this left of the answer budget is not worth a ping or a connector call
  private static final Duration MIN_USEFUL = Duration.ofMillis(50);

  private final DecisionEngine engine;
  private final FlowRuntimes flows;
  private final Router router;
  private final ConnectorCalls connectors;
  private final CapacityStore capacity;
  private final FraudDefences fraud;
  private final Clock clock;
  private final Duration answerBudget;

  FlowStepper(
      DecisionEngine engine,
      FlowRuntimes flows,
      Router router,
      ConnectorCalls connectors,
      CapacityStore capacity,
      FraudDefences fraud,
      Clock clock,
      @Value("${ringtree.webhooks.answer-budget:10s}") Duration answerBudget) {
    this.engine = engine;
    this.flows = flows;
    this.router = router;
    this.connectors = connectors;
    this.capacity = capacity;
    this.fraud = fraud;
    this.clock = clock;
    this.answerBudget = answerBudget;
  }

  /** When a webhook that arrived at {@code arrived} must have its answer. */
  Instant deadline(Instant arrived) {
    return arrived.plus(answerBudget);
  }

  /** A new call's first steps on flow version {@code versionId}. */
  StepResult start(UUID callId, long versionId, CallFacts facts, Instant deadline) {
    return start(callId, versionId, facts, deadline, null);
  }

  /**
   * A new call's first steps; a call joined to a publisher's bid ({@code joined}, else null) dials
   * the buyer chosen at the ping when it reaches that bid's route node, instead of a new auction.
   */
  StepResult start(
      UUID callId,
      long versionId,
      CallFacts facts,
      Instant deadline,
      SupplyBidJoins.Joined joined) {
    Step first = engine.start(flows.byId(versionId).compiled().versionKey(), facts);
    StepResult result = advance(callId, first, null, deadline, joined);
    if (joined != null
        && joined.held()
        && (result.plan() == null
            || !joined.plan().reservation().equals(result.plan().reservation()))) {
      // the flow went elsewhere than the bid's route node: the winner's slots go back
      capacity.release(joined.plan().reservation());
    }
    return result;
  }

  /** The steps after the caller's (or a buyer leg's) {@code input}, keeping the dial plan. */
  StepResult next(UUID callId, CallState state, CallInput input, DialPlan plan, Instant deadline) {
    return advance(callId, engine.next(state, input), plan, deadline, null);
  }

  /** Dials the plan's next candidate with capacity (the ringing one failed). */
  Router.Attempt dialNext(UUID callId, DialPlan plan, CallState state) {
    return router.dialNext(
        callId, plan, flows.version(state.versionKey()).compiled().directory(), state);
  }

  /** A step that was not saved (a concurrent duplicate won) gives back the capacity it held. */
  void giveBack(StepResult step) {
    if (step.plan() != null && step.plan().reservation() != null) {
      capacity.release(step.plan().reservation());
    }
  }

  /**
   * Runs engine steps until the call waits for the caller or a buyer leg, or ends. Connectors and
   * buyer pings get at most what is left of the webhook's answer budget ({@code deadline}); with
   * nothing left, a connector counts as failed and a route as finding nobody, so the flow takes its
   * own failure or fallback port and the caller is answered in time.
   */
  private StepResult advance(
      UUID callId, Step step, DialPlan plan, Instant deadline, SupplyBidJoins.Joined joined) {
    List<CallInstruction> instructions = new ArrayList<>();
    List<TraceEntry> trace = new ArrayList<>();
    DialPlan currentPlan = plan;
    for (int turn = 0; turn < MAX_TURNS; turn++) {
      instructions.addAll(step.instructions());
      step.trace().forEach(j -> trace.add(TraceEntry.justified(TraceKind.STEP, j)));
      if (step.route() != null && stoppedBeforeRouting(step, instructions, trace)) {
        return new StepResult(step.state(), instructions, currentPlan, trace, true, null);
      }
      if (step.route() != null
          && joined != null
          && joined.plan().nodeId().equals(step.route().nodeId())) {
        // decided at the ping: the winner is dialled, its slots held since the bid
        trace.addAll(joined.trace());
        Router.Attempt attempt =
            joined.held()
                ? new Router.Attempt(
                    joined.plan(),
                    joined.dial(step.state().facts().trackingNumber()),
                    List.of(
                        TraceEntry.of(
                            joined.plan().nodeId(),
                            joined.plan().ringingLeg().targetId(),
                            TraceKind.DIAL,
                            TraceOutcome.DIALLING,
                            "dialling "
                                + joined.plan().ringingLeg().name()
                                + " at "
                                + joined.plan().ringingLeg().price()
                                + " "
                                + joined.plan().ringingLeg().currency()
                                + ", chosen at the publisher's ping")))
                : router.dialNext(
                    callId,
                    joined.plan().settled(),
                    flows.version(step.state().versionKey()).compiled().directory(),
                    step.state());
        joined = null;
        trace.addAll(attempt.trace());
        currentPlan = attempt.plan();
        if (attempt.dialling()) {
          instructions.add(attempt.dial());
          return new StepResult(step.state(), instructions, currentPlan, trace, false, null);
        }
        step = engine.next(step.state(), new CallInput.RouteFinished(false, null));
        continue;
      }
      if (step.route() != null) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.compareTo(MIN_USEFUL) < 0) {
          trace.add(
              TraceEntry.of(
                  step.route().nodeId(),
                  null,
                  TraceKind.ROUTE,
                  TraceOutcome.OUT_OF_TIME,
                  "the webhook's answer budget of "
                      + answerBudget.toMillis()
                      + " ms is spent: taking the fallback without pinging"));
          step = engine.next(step.state(), new CallInput.RouteFinished(false, null));
          continue;
        }
        Router.Attempt attempt =
            router.route(
                callId,
                step.state(),
                step.route(),
                flows.version(step.state().versionKey()).compiled().directory(),
                left);
        trace.addAll(attempt.trace());
        currentPlan = attempt.plan();
        if (attempt.dialling()) {
          instructions.add(attempt.dial());
          return new StepResult(step.state(), instructions, currentPlan, trace, false, null);
        }
        step = engine.next(step.state(), new CallInput.RouteFinished(false, null));
        continue;
      }
      if (step.connector() != null) {
        ConnectorCalls.Outcome called = callConnector(step, deadline);
        ConnectorResult result = called.result();
        trace.add(called.trace());
        step =
            engine.next(
                step.state(), new CallInput.ConnectorReply(result.succeeded(), result.tags()));
        continue;
      }
      return new StepResult(step.state(), instructions, currentPlan, trace, step.ended(), null);
    }
    log.error("Call {} did not settle after {} engine turns; hanging up", callId, MAX_TURNS);
    instructions.add(new CallInstruction.Hangup());
    return new StepResult(step.state(), instructions, currentPlan, trace, true, null);
  }

  /**
   * The fraud checks that need the IVR's answers (docs/fraud.md, geo mismatch), at the route node:
   * their findings join the trace (a not-payable one is settled as at the door); one that stops the
   * call adds the policy's message and a hang-up, and the call is not routed.
   */
  private boolean stoppedBeforeRouting(
      Step step, List<CallInstruction> instructions, List<TraceEntry> trace) {
    FraudDefences.Screening screening = fraud.beforeRouting(step.state().facts());
    trace.addAll(screening.trace());
    if (!screening.stopsTheCall()) {
      return false;
    }
    instructions.add(new CallInstruction.Say(screening.message(), null, null));
    instructions.add(new CallInstruction.Hangup());
    return true;
  }

  /** The node's connector, given its own timeout or what is left of the budget if less. */
  private ConnectorCalls.Outcome callConnector(Step step, Instant deadline) {
    ConnectorRequest request = step.connector();
    Duration own = Duration.ofMillis(request.timeoutMillis());
    Duration left = Duration.between(clock.instant(), deadline);
    if (left.compareTo(MIN_USEFUL) < 0) {
      return connectors.notCalled(
          request,
          "not called: the webhook's answer budget of " + answerBudget.toMillis() + " ms is spent");
    }
    return connectors.call(
        step.state().versionKey(), request, own.compareTo(left) <= 0 ? own : left);
  }
}
