package org.ringtree.runtime.call;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The provider's callbacks that no caller hears: the call's status (its end, at a final one) and a
 * finished recording. Each is stored with its event in one transaction under the call's row lock; a
 * replay changes nothing.
 */
@Service
public class ProviderCallbacks {

  private final CallStore calls;
  private final CallEventStore events;
  private final RoutingTraceStore traces;
  private final CallSettlement settlement;
  private final TransactionTemplate tx;

  ProviderCallbacks(
      CallStore calls,
      CallEventStore events,
      RoutingTraceStore traces,
      CallSettlement settlement,
      TransactionTemplate tx) {
    this.calls = calls;
    this.events = events;
    this.traces = traces;
    this.settlement = settlement;
    this.tx = tx;
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
    if (events.previousResponse(callSid, key).isPresent()) {
      return;
    }
    UUID ended =
        tx.execute(
            s -> {
              Optional<CallRow> row = calls.lock(callSid);
              UUID id = row.map(CallRow::id).orElse(null);
              if (!events.recordEvent(callSid, id, key, "status", request, "") || id == null) {
                return null;
              }
              if (!isFinal) {
                calls.noteProviderStatus(id, callStatus);
                return null;
              }
              calls.markEnded(id, callStatus, totalSeconds);
              if (row.get().awaitingDial()) {
                // the dial action has not arrived yet: it settles the call when it does
                traces.appendTrace(
                    id,
                    List.of(
                        TraceEntry.of(
                            row.get().dialPlan().nodeId(),
                            null,
                            TraceKind.STATUS,
                            TraceOutcome.WAITING,
                            "call ended before its dial result; billing waits for it")));
              }
              return id;
            });
    if (ended != null) {
      settlement.settleAfterAnswer(ended, callSid);
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
          UUID id = calls.lock(callSid).map(CallRow::id).orElse(null);
          if (events.recordEvent(callSid, id, key, "recording", request, "") && id != null) {
            calls.saveRecording(id, url, recordingSid, seconds);
          }
        });
  }
}
