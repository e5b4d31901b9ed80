package org.ringtree.runtime.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.engine.CallInput;
import org.ringtree.rules.engine.CallState;
import org.ringtree.runtime.routing.CapacityStore;
import org.ringtree.runtime.score.CallScoreStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The webhooks that move a call on by one step — the caller's input, a finished recording, the end
 * of a buyer leg — each in the same order: a replay gets the answer stored with its step key; a
 * webhook for a step the call has left gets an empty answer; otherwise the step is computed ({@link
 * FlowStepper}, {@link DialResults}), rendered, and saved in one transaction that locks the call
 * row and checks nobody advanced the call meanwhile.
 *
 * <p>Capacity is the one write not in that transaction: holds (and the release of a leg not
 * answered, so that the next candidate may take its buyer's slot) are PostgreSQL's atomic
 * conditional updates, committed as they are taken because they are the caps; a step that loses to
 * a concurrent duplicate gives its hold back. A call that had already ended is settled after the
 * step is committed ({@link CallSettlement}).
 *
 * <p>An IVR step (the caller's input, a recording) scores the call again first ({@link
 * CallScoring}): the flow's conditions and route nodes read the score with what the IVR added.
 */
@Service
public class CallSteps {

  private static final Logger log = LoggerFactory.getLogger(CallSteps.class);

  private final CallStore calls;
  private final CallEventStore events;
  private final RoutingTraceStore traces;
  private final FlowStepper stepper;
  private final DialResults dials;
  private final CallSettlement settlement;
  private final CapacityStore capacity;
  private final ReplyRenderer renderer;
  private final TransactionTemplate tx;
  private final java.time.Clock clock;
  private final CallScoring scoring;
  private final CallScoreStore scores;

  CallSteps(
      CallStore calls,
      CallEventStore events,
      RoutingTraceStore traces,
      FlowStepper stepper,
      DialResults dials,
      CallSettlement settlement,
      CapacityStore capacity,
      ReplyRenderer renderer,
      TransactionTemplate tx,
      java.time.Clock clock,
      CallScoring scoring,
      CallScoreStore scores) {
    this.scoring = scoring;
    this.scores = scores;
    this.calls = calls;
    this.events = events;
    this.traces = traces;
    this.stepper = stepper;
    this.dials = dials;
    this.settlement = settlement;
    this.capacity = capacity;
    this.renderer = renderer;
    this.tx = tx;
    this.clock = clock;
  }

  /** Digits or speech from a Gather (empty both: the caller said nothing). */
  public String gather(
      String callSid, int step, String digits, String speech, Map<String, String> request) {
    CallInput input =
        digits != null && !digits.isEmpty()
            ? new CallInput.Digits(digits)
            : speech != null && !speech.isBlank()
                ? new CallInput.Speech(speech)
                : new CallInput.NoInput();
    return continueCall(
        callSid,
        "gather:" + step,
        "gather",
        step,
        true,
        request,
        (call, state, deadline) -> stepper.next(call.id(), state, input, null, deadline));
  }

  /** The caller finished a voicemail recording. */
  public String recorded(
      String callSid, int step, String recordingUrl, Map<String, String> request) {
    CallInput input = new CallInput.RecordingFinished(recordingUrl);
    return continueCall(
        callSid,
        "record:" + step,
        "record",
        step,
        true,
        request,
        (call, state, deadline) -> stepper.next(call.id(), state, input, null, deadline));
  }

  /** A dialled buyer leg ended: answered and talked, or busy / no-answer / failed / canceled. */
  public String dialed(
      String callSid,
      int step,
      boolean connected,
      String dialStatus,
      int talkSeconds,
      Map<String, String> request) {
    return continueCall(
        callSid,
        "dial:" + step,
        "dial",
        step,
        false,
        request,
        (call, state, deadline) ->
            dials.dialed(
                call.id(), state, call.dialPlan(), connected, dialStatus, talkSeconds, deadline));
  }

  /** One webhook's computation, from the call as it was read and its state. */
  @FunctionalInterface
  private interface Turn {
    StepResult run(CallRow call, CallState state, Instant deadline);
  }

  /** How the save of a webhook's step went. */
  private enum Saved {
    SAVED,
    /** Saved, and the call had already ended (out of order): settle it now. */
    SAVED_AFTER_END,
    LOST_RACE
  }

  private String continueCall(
      String callSid,
      String key,
      String kind,
      int step,
      boolean rescore,
      Map<String, String> request,
      Turn turn) {
    Optional<String> previous = events.previousResponse(callSid, key);
    if (previous.isPresent()) {
      return previous.get();
    }
    CallRow call = calls.find(callSid).orElseThrow(() -> new UnknownCallException(callSid));
    if (call.stateVersion() != step) {
      log.warn(
          "Stale {} webhook for call {}: step {} but the call is at {}",
          kind,
          callSid,
          step,
          call.stateVersion());
      return renderer.render(call.id(), call.stateVersion(), List.of());
    }
    CallState state =
        call.state()
            .orElseThrow(() -> new IllegalStateException("call " + callSid + " has no flow"));
    Instant now = clock.instant();
    CallScoring.Scored scored = rescore ? scoring.again(state, now).orElse(null) : null;
    StepResult result =
        turn.run(
            call, scored == null ? state : CallScoring.with(state, scored), stepper.deadline(now));
    if (scored != null && scored.scored().score().value() != state.facts().score().value()) {
      result = result.after(List.of(scored.trace()), result.connected());
    }
    StepResult stepped = result;
    String answer = renderer.render(call.id(), step + 1, result.instructions());
    Saved saved =
        tx.execute(
            s -> {
              CallRow locked = calls.lock(callSid).orElseThrow();
              if (locked.stateVersion() != step) {
                return Saved.LOST_RACE;
              }
              save(call.id(), state.facts().caller(), stepped, callSid, key, kind, request, answer);
              if (scored != null) {
                scores.save(call.id(), now, scored.scored());
              }
              return locked.endedAt() != null && !stepped.awaitingDial()
                  ? Saved.SAVED_AFTER_END
                  : Saved.SAVED;
            });
    if (saved == Saved.LOST_RACE) {
      stepper.giveBack(result);
      return events.previousResponse(callSid, key).orElse(answer);
    }
    if (saved == Saved.SAVED_AFTER_END) {
      // the call ended before this webhook (out of order): settle it now
      settlement.settleAfterAnswer(call.id(), callSid);
    }
    return answer;
  }

  /** Everything a webhook changed, inside its locked transaction. */
  private void save(
      UUID callId,
      Caller before,
      StepResult result,
      String callSid,
      String key,
      String kind,
      Map<String, String> request,
      String answer) {
    StepResult.Connected leg = result.connected();
    if (leg == null) {
      // nothing billing reads is written: an answered leg's price and capacity wait for the disk
      calls.relaxCommitOfThisTransaction();
    }
    calls.saveState(callId, result.state(), result.phase(), result.plan());
    traces.appendTrace(callId, result.trace());
    events.recordEvent(callSid, callId, key, kind, request, answer);
    Caller after = result.state().facts().caller();
    if (!after.equals(before)) {
      // a collected zip moved the caller: the call log, billing and postbacks follow
      calls.relocateCaller(callId, after.zip(), after.state(), after.city());
    }
    if (leg != null) {
      if (leg.reservation() != null) {
        capacity.connect(leg.reservation()); // the call now counts against the caps it held
      }
      calls.markConnected(
          callId,
          leg.leg().targetId(),
          leg.leg().buyerId(),
          leg.leg().price(),
          leg.talkSeconds(),
          leg.leg().bidConversionSeconds());
    }
  }
}
