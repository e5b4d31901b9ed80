package org.ringtree.runtime.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.call.UsZips;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.fraud.FraudAction;
import org.ringtree.runtime.fraud.FraudDefences;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.ringtree.runtime.score.CallScoreStore;
import org.ringtree.runtime.supply.SupplyBidJoins;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first webhook of a call: a replay gets its stored answer; a known number with a live flow is
 * screened by the fraud defences (from memory, docs/fraud.md) and, unless they stop it, takes its
 * first steps ({@link FlowStepper}), saved with the new call and the defences' findings in one
 * statement; any other number is saved as an unrouted call and hears the unknown-number policy.
 */
@Service
public class CallArrivals {

  private static final Logger log = LoggerFactory.getLogger(CallArrivals.class);
  // as far back as a duplicate window may reach (longer ones are refused when saved)
  private static final Duration HISTORY = Duration.ofSeconds(DuplicateRule.MAX_WINDOW_SECONDS);
  // how far back the score counts the numbers sharing the caller's prefix (docs/score.md)
  private static final Duration PREFIX_WINDOW = Duration.ofHours(1);
  private static final String INCOMING = "incoming";

  private final CallArrivalStore arrivals;
  private final CallStore calls;
  private final CallEventStore events;
  private final RoutingTraceStore traces;
  private final FlowStepper stepper;
  private final ReplyRenderer renderer;
  private final UnknownNumberPolicy unknownNumbers;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final SupplyBidJoins supply;
  private final FraudDefences fraud;
  private final CallScoring scoring;
  private final CallScoreStore scores;

  CallArrivals(
      CallArrivalStore arrivals,
      CallStore calls,
      CallEventStore events,
      RoutingTraceStore traces,
      FlowStepper stepper,
      ReplyRenderer renderer,
      UnknownNumberPolicy unknownNumbers,
      TransactionTemplate tx,
      Clock clock,
      SupplyBidJoins supply,
      FraudDefences fraud,
      CallScoring scoring,
      CallScoreStore scores) {
    this.scoring = scoring;
    this.scores = scores;
    this.supply = supply;
    this.fraud = fraud;
    this.arrivals = arrivals;
    this.calls = calls;
    this.events = events;
    this.traces = traces;
    this.stepper = stepper;
    this.renderer = renderer;
    this.unknownNumbers = unknownNumbers;
    this.tx = tx;
    this.clock = clock;
    // the zip table (42,000 rows) loads here at start-up, not on the first caller's webhook
    UsZips.shared();
  }

  /**
   * The first webhook of a call. Its first step is saved with the call in one statement (one round
   * trip, one implicit transaction); a number with no live flow is saved as unrouted.
   */
  public String incoming(IncomingCall call) {
    Instant now = clock.instant();
    // a call to a supply bid's SIP address is counted on the publisher's pool number, from the
    // caller's number in the SIP From; it is joined to its bid by the address's token
    SupplyBidJoins.SipArrival sip = supply.sipArrival(call.to(), call.from()).orElse(null);
    IncomingCall in =
        sip == null
            ? call
            : new IncomingCall(
                call.callSid(),
                sip.callerNumber(),
                sip.trackingNumber(),
                call.fromCity(),
                call.fromState(),
                call.fromZip(),
                call.fromCountry(),
                call.stir(),
                call.request());
    Duration rotation = fraud.rotationLookBack();
    CallArrivalStore.Arrival arrival =
        arrivals.arrival(
            in.callSid(),
            INCOMING,
            in.to(),
            in.from(),
            now.minus(HISTORY),
            // one read serves the rotating-dialer limit and the score: the longer look-back
            now.minus(rotation.compareTo(PREFIX_WINDOW) > 0 ? rotation : PREFIX_WINDOW));
    if (arrival.previousResponse().isPresent()) {
      return arrival.previousResponse().get();
    }
    UUID callId = UUID.randomUUID();
    Optional<TrackingNumber> number = arrival.trackingNumber();
    if (number.isEmpty() || arrival.liveVersionId().isEmpty()) {
      return unrouted(in, callId, number, now);
    }
    long versionId = arrival.liveVersionId().get();
    CallFacts facts = in.facts(callId, number.get(), now, arrival.history());
    // the defences see what is known at the door; the history already spans every campaign
    FraudDefences.Screening screening = fraud.screen(facts, in.stir(), arrival.samePrefix());
    if (screening.stopsTheCall()) {
      return stopped(in, callId, number, screening, now);
    }
    // scored before the flow's first step, so its conditions and route nodes can read the score
    CallScoring.Scored scored =
        scoring
            .arrival(facts, in.stir(), arrival.prefixNeighbours(now.minus(PREFIX_WINDOW)))
            .orElse(null);
    if (scored != null) {
      facts = scored.facts();
    }
    // a call a publisher pinged for, on the pool number lent to its bid: the bid decides the route
    SupplyBidJoins.Joined joined =
        (sip == null ? supply.join(in.to(), in.from(), callId) : supply.joinSip(sip, callId))
            .orElse(null);
    StepResult step = stepper.start(callId, versionId, facts, stepper.deadline(now), joined);
    String answer = renderer.render(callId, 1, step.instructions());
    List<TraceEntry> trace = step.trace();
    if (!screening.verdict().clean() || scored != null) {
      // routed all the same (not payable, or flagged): the findings open the trace, then the score
      trace = new ArrayList<>(screening.trace());
      if (scored != null) {
        trace.add(scored.trace());
      }
      trace.addAll(step.trace());
    }
    boolean saved =
        calls.insertFirstStep(
            in.row(callId, number, versionId, step.state(), step.phase(), now),
            step.plan(),
            trace,
            INCOMING,
            INCOMING,
            in.request(),
            answer,
            scored == null ? null : scores.firstRow(now, scored.scored()));
    if (!saved) {
      stepper.giveBack(step);
      return events.previousResponse(in.callSid(), INCOMING).orElse(answer);
    }
    return answer;
  }

  /**
   * A call the defences stop at the door: {@code <Reject>} (not picked up) or the policy's message
   * and a hang-up. It is saved without a flow (nothing to bill), its findings as its trace; only
   * such a call pays these writes' round trips.
   */
  private String stopped(
      IncomingCall in,
      UUID callId,
      Optional<TrackingNumber> number,
      FraudDefences.Screening screening,
      Instant now) {
    FraudAction action = screening.action().orElseThrow();
    log.info(
        "Call {} from {} stopped at the door ({}): {}",
        in.callSid(),
        in.from(),
        action,
        screening.verdict().findings());
    String answer =
        action == FraudAction.REJECT
            ? renderer.reject()
            : renderer.render(
                callId,
                1,
                List.of(
                    new CallInstruction.Say(screening.message(), null, null),
                    new CallInstruction.Hangup()));
    tx.executeWithoutResult(
        s -> {
          if (calls.insert(in.row(callId, number, null, null, CallPhase.FLOW_ENDED, now))) {
            traces.appendTrace(callId, screening.trace());
          }
          events.recordEvent(in.callSid(), callId, INCOMING, INCOMING, in.request(), answer);
        });
    return events.previousResponse(in.callSid(), INCOMING).orElse(answer);
  }

  private String unrouted(
      IncomingCall in, UUID callId, Optional<TrackingNumber> number, Instant now) {
    String why =
        number.isEmpty()
            ? "unknown tracking number " + in.to()
            : "campaign " + number.get().campaignId() + " has no live flow";
    log.warn("Call {} to {}: {}", in.callSid(), in.to(), why);
    String answer = renderer.render(callId, 1, unknownNumbers.instructions());
    tx.executeWithoutResult(
        s -> {
          if (calls.insert(in.row(callId, number, null, null, CallPhase.UNROUTED, now))) {
            traces.appendTrace(
                callId,
                List.of(TraceEntry.of(null, null, TraceKind.INCOMING, TraceOutcome.UNROUTED, why)));
          }
          events.recordEvent(in.callSid(), callId, INCOMING, INCOMING, in.request(), answer);
        });
    return events.previousResponse(in.callSid(), INCOMING).orElse(answer);
  }
}
