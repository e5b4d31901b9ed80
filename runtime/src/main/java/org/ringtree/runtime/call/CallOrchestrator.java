package org.ringtree.runtime.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.integrations.connector.ConnectorResult;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.engine.CallInput;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.engine.Step;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.trace.Justification;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowRuntimes;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.routing.CapacityStore;
import org.ringtree.runtime.routing.DialPlan;
import org.ringtree.runtime.routing.Router;
import org.ringtree.runtime.routing.TraceEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a call through its flow, one webhook at a time. Each webhook is computed first (engine
 * steps, buyer pings, capacity holds) and then saved in one transaction that locks the call row and
 * checks nobody advanced the call meanwhile; the answer is stored with the webhook's step key, so a
 * replayed webhook gets the same answer and changes nothing.
 */
@Service
public class CallOrchestrator {

  private static final Logger log = LoggerFactory.getLogger(CallOrchestrator.class);
  private static final ObjectMapper JSON = RingtreeJson.mapper();
  private static final int MAX_TURNS = 20;
  // as far back as a duplicate window may reach (longer ones are refused when saved)
  private static final Duration HISTORY =
      Duration.ofSeconds(org.ringtree.rules.directory.DuplicateRule.MAX_WINDOW_SECONDS);
  // less than this left of the answer budget is not worth a ping or a connector call
  private static final Duration MIN_USEFUL = Duration.ofMillis(50);

  private final CallStore calls;
  private final DirectoryStore directory;
  private final FlowRuntimes flows;
  private final DecisionEngine engine;
  private final Router router;
  private final CapacityStore capacity;
  private final CallSettlement settlement;
  private final ConnectorCalls connectors;
  private final ReplyRenderer renderer;
  private final UnknownNumberPolicy unknownNumbers;
  private final TransactionTemplate tx;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration answerBudget;

  CallOrchestrator(
      CallStore calls,
      DirectoryStore directory,
      FlowRuntimes flows,
      DecisionEngine engine,
      Router router,
      CapacityStore capacity,
      CallSettlement settlement,
      ConnectorCalls connectors,
      ReplyRenderer renderer,
      UnknownNumberPolicy unknownNumbers,
      TransactionTemplate tx,
      JdbcClient jdbc,
      Clock clock,
      @Value("${ringtree.webhooks.answer-budget:10s}") Duration answerBudget) {
    this.calls = calls;
    this.directory = directory;
    this.flows = flows;
    this.engine = engine;
    this.router = router;
    this.capacity = capacity;
    this.settlement = settlement;
    this.connectors = connectors;
    this.renderer = renderer;
    this.unknownNumbers = unknownNumbers;
    this.tx = tx;
    this.jdbc = jdbc;
    this.clock = clock;
    this.answerBudget = answerBudget;
    // the zip table (42,000 rows) loads here at start-up, not on the first caller's webhook
    org.ringtree.rules.call.UsZips.shared();
  }

  /** The first webhook of a call. */
  public record Incoming(
      String callSid,
      String from,
      String to,
      String fromCity,
      String fromState,
      String fromZip,
      String fromCountry,
      Map<String, String> request) {}

  /** What a webhook changed, besides the answer: everything to save with it. */
  private record Progress(
      CallState state,
      List<CallInstruction> instructions,
      DialPlan plan,
      List<TraceEntry> trace,
      boolean callEnded) {}

  public String incoming(Incoming in) {
    String key = "incoming";
    Instant now = clock.instant();
    CallStore.Arrival arrival =
        calls.arrival(in.callSid(), key, in.to(), in.from(), now.minus(HISTORY));
    if (arrival.previousResponse().isPresent()) {
      return arrival.previousResponse().get();
    }
    UUID callId = UUID.randomUUID();
    Optional<TrackingNumber> number = arrival.trackingNumber();
    Optional<FlowStore.StoredVersion> version = arrival.liveVersionId().map(flows::byId);
    if (number.isEmpty() || version.isEmpty()) {
      String why =
          number.isEmpty()
              ? "unknown tracking number " + in.to()
              : "campaign " + number.get().campaignId() + " has no live flow";
      log.warn("Call {} to {}: {}", in.callSid(), in.to(), why);
      String answer = renderer.render(callId, 1, unknownNumbers.instructions());
      tx.executeWithoutResult(
          s -> {
            if (calls.insert(newCall(callId, in, number, null, "{}", "unrouted", now))) {
              calls.appendTrace(
                  callId, List.of(row(TraceEntry.of(null, null, "incoming", "UNROUTED", why))));
            }
            calls.recordEvent(in.callSid(), callId, key, "incoming", in.request(), answer);
          });
      return calls.previousResponse(in.callSid(), key).orElse(answer);
    }
    TrackingNumber tn = number.get();
    FlowStore.StoredVersion v = version.get();
    CallFacts facts =
        new CallFacts(
            callId.toString(),
            tn.campaignId(),
            tn.publisherId(),
            tn.e164(),
            new Caller(
                    in.from(), callerState(in), in.fromZip(), in.fromCity(), null, in.fromCountry())
                .placed(),
            tn.sourceTags(),
            Map.of(),
            now,
            arrival.history());
    Step first = engine.start(v.compiled().versionId(), facts);
    Progress p = advance(callId, first, null, now.plus(answerBudget));
    String answer = renderer.render(callId, 1, p.instructions());
    boolean saved =
        calls.insertFirstStep(
            newCall(callId, in, number, v.id(), write(p.state()), status(p), now),
            p.plan() == null ? null : write(p.plan()),
            p.trace().stream().map(CallOrchestrator::row).toList(),
            key,
            "incoming",
            in.request(),
            answer);
    if (!saved) {
      undo(p);
      return calls.previousResponse(in.callSid(), key).orElse(answer);
    }
    return answer;
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
        request,
        (call, state, deadline) -> advance(call.id(), engine.next(state, input), null, deadline));
  }

  /** The caller finished a voicemail recording. */
  public String recorded(
      String callSid, int step, String recordingUrl, Map<String, String> request) {
    return continueCall(
        callSid,
        "record:" + step,
        "record",
        step,
        request,
        (call, state, deadline) ->
            advance(
                call.id(),
                engine.next(state, new CallInput.RecordingFinished(recordingUrl)),
                null,
                deadline));
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
        request,
        (call, state, deadline) -> {
          DialPlan plan = readPlan(call.id());
          if (plan == null || !plan.awaitingDial()) {
            return new Progress(
                state,
                List.of(new CallInstruction.Hangup()),
                plan,
                List.of(
                    TraceEntry.of(
                        state.nodeId(),
                        null,
                        "dial",
                        "IGNORED",
                        "dial result with no leg ringing")),
                false);
          }
          DialPlan.Leg leg = plan.ringingLeg();
          List<TraceEntry> trace = new ArrayList<>();
          if (connected) {
            router.legConnected(plan);
            calls.markConnected(call.id(), leg.targetId(), leg.buyerId(), leg.price());
            calls.markTalk(call.id(), talkSeconds);
            trace.add(
                TraceEntry.of(
                    plan.nodeId(),
                    leg.targetId(),
                    "dial",
                    "CONNECTED",
                    leg.name() + " answered; talked " + talkSeconds + " s"));
            Progress p =
                advance(
                    call.id(),
                    engine.next(state, new CallInput.RouteFinished(true, leg.targetId())),
                    plan.settled(),
                    deadline);
            trace.addAll(p.trace());
            return new Progress(p.state(), p.instructions(), p.plan(), trace, p.callEnded());
          }
          router.legFailed(plan);
          trace.add(
              TraceEntry.of(
                  plan.nodeId(),
                  leg.targetId(),
                  "dial",
                  dialStatus.toUpperCase(java.util.Locale.ROOT),
                  leg.name() + " did not take the call: " + dialStatus));
          FlowStore.StoredVersion v = flows.version(state.versionId());
          Router.Attempt next =
              router.dialNext(call.id(), plan.settled(), v.compiled().directory(), state);
          trace.addAll(next.trace());
          if (next.dialling()) {
            return new Progress(state, List.of(next.dial()), next.plan(), trace, false);
          }
          Progress p =
              advance(
                  call.id(),
                  engine.next(state, new CallInput.RouteFinished(false, null)),
                  next.plan(),
                  deadline);
          trace.addAll(p.trace());
          return new Progress(p.state(), p.instructions(), p.plan(), trace, p.callEnded());
        });
  }

  /**
   * The call's status callback. At a final status the end (status, duration, time) is stored and
   * committed on its own first; settling (capacity back, billing, postbacks) runs after, and if it
   * fails the end is still stored and {@link CallReconciler} settles it later. So a failure while
   * settling never turns into an error answer that the provider would not retry.
   *
   * @param totalSeconds the call's duration, null when the provider sent none we could read
   */
  public void status(
      String callSid,
      String callStatus,
      boolean isFinal,
      Integer totalSeconds,
      Map<String, String> request) {
    String key = "status:" + callStatus;
    if (calls.previousResponse(callSid, key).isPresent()) {
      return;
    }
    UUID ended =
        tx.execute(
            s -> {
              Optional<CallStore.CallRow> row = calls.lock(callSid);
              if (row.isEmpty()) {
                calls.recordEvent(callSid, null, key, "status", request, "");
                return null;
              }
              CallStore.CallRow call = row.get();
              if (!calls.recordEvent(callSid, call.id(), key, "status", request, "") || !isFinal) {
                return null;
              }
              calls.markEnded(call.id(), callStatus, totalSeconds);
              DialPlan plan = readPlan(call.id());
              if (plan != null && plan.awaitingDial()) {
                // the dial action has not arrived yet: it settles the call when it does
                calls.appendTrace(
                    call.id(),
                    List.of(
                        row(
                            TraceEntry.of(
                                plan.nodeId(),
                                null,
                                "status",
                                "WAITING",
                                "call ended before its dial result; billing waits for it"))));
              }
              return call.id();
            });
    if (ended != null) {
      settleAfterAnswer(ended, callSid);
    }
  }

  /** Settles a call whose end is stored; a failure is logged and left to the reconciler. */
  private void settleAfterAnswer(UUID callId, String callSid) {
    try {
      settlement.settle(callId);
    } catch (RuntimeException e) {
      log.error(
          "Call {} ended and its end is stored, but settling failed; the reconciler settles it"
              + " later",
          callSid,
          e);
    }
  }

  /** Twilio's recording status callback: keep the recording with the call. */
  public void recording(
      String callSid,
      String url,
      String recordingSid,
      Integer seconds,
      Map<String, String> request) {
    String key = "recording:" + recordingSid;
    tx.executeWithoutResult(
        s -> {
          Optional<CallStore.CallRow> row = calls.lock(callSid);
          UUID id = row.map(CallStore.CallRow::id).orElse(null);
          if (calls.recordEvent(callSid, id, key, "recording", request, "") && id != null) {
            calls.saveRecording(id, url, recordingSid, seconds);
          }
        });
  }

  @FunctionalInterface
  private interface Turn {
    Progress run(CallStore.CallRow call, CallState state, Instant deadline);
  }

  /** How the save of a webhook's progress went. */
  private enum Saved {
    SAVED,
    /** Saved, and the call had already ended (out of order): settle it now. */
    SAVED_AFTER_END,
    LOST_RACE
  }

  private String continueCall(
      String callSid, String key, String kind, int step, Map<String, String> request, Turn turn) {
    Optional<String> previous = calls.previousResponse(callSid, key);
    if (previous.isPresent()) {
      return previous.get();
    }
    CallStore.CallRow call =
        calls.find(callSid).orElseThrow(() -> new UnknownCallException(callSid));
    if (call.stateVersion() != step) {
      log.warn(
          "Stale {} webhook for call {}: step {} but the call is at {}",
          kind,
          callSid,
          step,
          call.stateVersion());
      return renderer.render(call.id(), call.stateVersion(), List.of());
    }
    CallState state = read(call.stateJson());
    Progress p = turn.run(call, state, clock.instant().plus(answerBudget));
    String answer = renderer.render(call.id(), step + 1, p.instructions());
    Saved saved =
        tx.execute(
            s -> {
              CallStore.CallRow locked = calls.lock(callSid).orElseThrow();
              if (locked.stateVersion() != step) {
                return Saved.LOST_RACE;
              }
              relaxedCommit(); // nothing is billed in this transaction
              saveProgress(call.id(), p, callSid, key, kind, request, answer);
              Caller now = p.state().facts().caller();
              if (!now.equals(state.facts().caller())) {
                // a collected zip moved the caller: the call log, billing and postbacks follow
                calls.relocateCaller(call.id(), now.zip(), now.state(), now.city());
              }
              return locked.endedAt() != null && !(p.plan() != null && p.plan().awaitingDial())
                  ? Saved.SAVED_AFTER_END
                  : Saved.SAVED;
            });
    if (saved == Saved.LOST_RACE) {
      undo(p);
      return calls.previousResponse(callSid, key).orElse(answer);
    }
    if (saved == Saved.SAVED_AFTER_END) {
      // the call ended before this webhook (out of order): settle it now
      settleAfterAnswer(call.id(), callSid);
    }
    return answer;
  }

  /**
   * Runs engine steps until the call waits for the caller or a buyer leg, or ends. Connectors and
   * buyer pings get at most what is left of the webhook's answer budget ({@code deadline}); with
   * nothing left, a connector counts as failed and a route as finding nobody, so the flow takes its
   * own failure or fallback port and the caller is answered in time.
   */
  private Progress advance(UUID callId, Step step, DialPlan plan, Instant deadline) {
    List<CallInstruction> instructions = new ArrayList<>();
    List<TraceEntry> trace = new ArrayList<>();
    DialPlan currentPlan = plan;
    for (int turn = 0; turn < MAX_TURNS; turn++) {
      instructions.addAll(step.instructions());
      step.trace().forEach(j -> trace.add(fromJustification(j)));
      if (step.route() != null) {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.compareTo(MIN_USEFUL) < 0) {
          trace.add(
              TraceEntry.of(
                  step.route().nodeId(),
                  null,
                  "route",
                  "OUT_OF_TIME",
                  "the webhook's answer budget of "
                      + answerBudget.toMillis()
                      + " ms is spent: taking the fallback without pinging"));
          step = engine.next(step.state(), new CallInput.RouteFinished(false, null));
          continue;
        }
        FlowStore.StoredVersion v = flows.version(step.state().versionId());
        Router.Attempt attempt =
            router.route(callId, step.state(), step.route(), v.compiled().directory(), left);
        trace.addAll(attempt.trace());
        currentPlan = attempt.plan();
        if (attempt.dialling()) {
          instructions.add(attempt.dial());
          return new Progress(step.state(), instructions, currentPlan, trace, false);
        }
        step = engine.next(step.state(), new CallInput.RouteFinished(false, null));
        continue;
      }
      if (step.connector() != null) {
        var request = step.connector();
        Duration own = Duration.ofMillis(request.timeoutMillis());
        Duration left = Duration.between(clock.instant(), deadline);
        ConnectorCalls.Outcome called =
            left.compareTo(MIN_USEFUL) < 0
                ? connectors.notCalled(
                    request,
                    "not called: the webhook's answer budget of "
                        + answerBudget.toMillis()
                        + " ms is spent")
                : connectors.call(
                    step.state().versionId(), request, own.compareTo(left) <= 0 ? own : left);
        ConnectorResult result = called.result();
        trace.add(called.trace());
        step =
            engine.next(
                step.state(), new CallInput.ConnectorReply(result.succeeded(), result.tags()));
        continue;
      }
      return new Progress(step.state(), instructions, currentPlan, trace, step.ended());
    }
    log.error("Call {} did not settle after {} engine turns; hanging up", callId, MAX_TURNS);
    instructions.add(new CallInstruction.Hangup());
    return new Progress(step.state(), instructions, currentPlan, trace, true);
  }

  private void saveProgress(
      UUID callId,
      Progress p,
      String callSid,
      String key,
      String kind,
      Map<String, String> request,
      String answer) {
    calls.saveState(callId, write(p.state()), status(p), p.plan() == null ? null : write(p.plan()));
    calls.appendTrace(callId, p.trace().stream().map(CallOrchestrator::row).toList());
    calls.recordEvent(callSid, callId, key, kind, request, answer);
  }

  /**
   * IVR progress (state, trace, the stored answer) does not wait for the disk flush: if the
   * database crashed within that fraction of a second, the provider's retry recomputes the step.
   * Transactions that write money never call this and keep synchronous commit.
   */
  private void relaxedCommit() {
    jdbc.sql("SET LOCAL synchronous_commit TO off").update();
  }

  /** A concurrent duplicate won: give back the capacity this attempt held. */
  private void undo(Progress p) {
    if (p.plan() != null && p.plan().reservation() != null) {
      capacity.release(p.plan().reservation());
    }
  }

  /** The carrier's FromState; Telnyx and SignalWire send none, so the area code gives it. */
  private static String callerState(Incoming in) {
    return in.fromState() == null || in.fromState().isBlank()
        ? org.ringtree.rules.call.AreaCodeStates.state(in.from()).orElse(null)
        : in.fromState();
  }

  private CallStore.NewCall newCall(
      UUID callId,
      Incoming in,
      Optional<TrackingNumber> tn,
      Long versionId,
      String state,
      String status,
      Instant now) {
    return new CallStore.NewCall(
        callId,
        in.callSid(),
        in.to(),
        tn.map(TrackingNumber::campaignId).orElse(null),
        tn.map(TrackingNumber::publisherId).orElse(null),
        versionId,
        in.from(),
        in.fromCity(),
        callerState(in),
        in.fromZip(),
        in.fromCountry(),
        status,
        state,
        now,
        "USD");
  }

  private static String status(Progress p) {
    if (p.plan() != null && p.plan().awaitingDial()) {
      return "ringing-buyer";
    }
    return p.callEnded() ? "flow-ended" : "in-ivr";
  }

  private DialPlan readPlan(UUID callId) {
    String json =
        jdbc.sql("SELECT dial_plan::text FROM calls WHERE id = ?")
            .param(callId)
            .query(String.class)
            .optional()
            .orElse(null);
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, DialPlan.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable dial plan of call " + callId, e);
    }
  }

  static CallReport.TraceRow row(TraceEntry e) {
    return new CallReport.TraceRow(
        0,
        e.nodeId(),
        e.targetId(),
        e.kind(),
        e.outcome(),
        e.reason(),
        e.bidAmount(),
        e.latencyMs(),
        e.httpStatus(),
        e.detail());
  }

  private static TraceEntry fromJustification(Justification j) {
    return new TraceEntry(
        j.nodeId(),
        null,
        "step",
        j.verdict().name(),
        j.message(),
        null,
        null,
        null,
        j.ruleId() == null ? Map.of() : Map.of("rule", j.ruleId()));
  }

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private static CallState read(String json) {
    try {
      return JSON.readValue(json, CallState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable call state", e);
    }
  }
}
