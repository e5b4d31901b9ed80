package org.ringtree.runtime.call;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.billing.BillingDecision;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.billing.CallBilling;
import org.ringtree.runtime.observability.BusinessMetrics;
import org.ringtree.runtime.routing.CapacityStore;
import org.ringtree.runtime.routing.TraceEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles a call whose end is stored: gives its capacity back and bills it, in one transaction that
 * marks it settled. It runs after the webhook that stored the end has been answered, and again from
 * {@link CallReconciler} for any call it could not settle then; the row lock and {@code settled_at}
 * make it exactly once on any number of nodes, and the ledger's idempotency keys make a second
 * attempt harmless even so.
 */
@Service
public class CallSettlement {

  /** What settling did. */
  public enum Outcome {
    SETTLED,
    ALREADY_SETTLED,
    NOT_ENDED,
    /** The last buyer leg's dial result has not come: it settles the call when it does. */
    WAITING_FOR_DIAL_RESULT,
    /** Another transaction holds the call (another node settling it); try again later. */
    BUSY,
    UNKNOWN_CALL
  }

  private final CallStore calls;
  private final CapacityStore capacity;
  private final CallBilling billing;
  private final TransactionTemplate tx;
  private final JdbcClient jdbc;
  private final BusinessMetrics metrics;

  CallSettlement(
      CallStore calls,
      CapacityStore capacity,
      CallBilling billing,
      TransactionTemplate tx,
      JdbcClient jdbc,
      BusinessMetrics metrics) {
    this.metrics = metrics;
    this.calls = calls;
    this.capacity = capacity;
    this.billing = billing;
    this.tx = tx;
    this.jdbc = jdbc;
  }

  /** Settles the call, waiting for its row lock (webhooks). */
  public Outcome settle(UUID callId) {
    return settle(callId, null, false);
  }

  /**
   * @param dialResultDeadline a call that ended while a buyer leg rang, before this time, is
   *     settled without that leg's dial result (it never came): the leg counts as not connected;
   *     null: wait for the dial result
   * @param skipLocked skip a call another transaction holds instead of waiting (the reconciler)
   */
  Outcome settle(UUID callId, Instant dialResultDeadline, boolean skipLocked) {
    Outcome outcome =
        tx.execute(
            s -> {
              Optional<CallStore.EndOfCall> locked = calls.lockForSettling(callId, skipLocked);
              if (locked.isEmpty()) {
                return skipLocked ? Outcome.BUSY : Outcome.UNKNOWN_CALL;
              }
              CallStore.EndOfCall call = locked.get();
              if (call.settledAt() != null) {
                return Outcome.ALREADY_SETTLED;
              }
              if (call.endedAt() == null) {
                return Outcome.NOT_ENDED;
              }
              if (call.awaitingDial()) {
                if (dialResultDeadline == null || !call.endedAt().isBefore(dialResultDeadline)) {
                  return Outcome.WAITING_FOR_DIAL_RESULT;
                }
                String reason =
                    "the ringing buyer leg's dial result never came: settled as not connected;"
                        + " capacity freed";
                calls.noteEndReason(call.id(), reason);
                calls.appendTrace(
                    call.id(),
                    List.of(
                        CallOrchestrator.row(
                            TraceEntry.of(null, null, "reconcile", "NO_DIAL_RESULT", reason))));
              }
              capacity.callEnded(call.id());
              bill(call.callSid());
              calls.markSettled(call.id());
              return Outcome.SETTLED;
            });
    return outcome == null ? Outcome.UNKNOWN_CALL : outcome;
  }

  /** Revenue from the winning bid or fixed price, payout by the campaign's billing table. */
  private void bill(String callSid) {
    CallStore.CallRow fresh = calls.find(callSid).orElseThrow();
    if (fresh.flowVersionId() == null
        || fresh.stateJson() == null
        || fresh.stateJson().equals("{}")) {
      return;
    }
    Integer talk =
        jdbc.sql("SELECT talk_seconds FROM calls WHERE id = ?")
            .param(fresh.id())
            .query(Integer.class)
            .optional()
            .orElse(null);
    BillingDecision d =
        billing.settle(
            new CallBilling.FinishedCall(
                fresh.id(),
                fresh.campaignId(),
                fresh.publisherId(),
                fresh.buyerId(),
                fresh.targetId(),
                read(fresh.stateJson()),
                talk == null ? 0 : talk,
                fresh.revenue() == null ? null : new Money(fresh.revenue(), Money.USD)));
    calls.appendTrace(
        fresh.id(),
        List.of(
            CallOrchestrator.row(
                new TraceEntry(
                    null,
                    fresh.buyerId(),
                    "billing",
                    d.buyer().verdict().name(),
                    d.buyer().message(),
                    d.revenue().amount(),
                    null,
                    null,
                    Map.of("row", String.valueOf(d.buyerRow())))),
            CallOrchestrator.row(
                new TraceEntry(
                    null,
                    fresh.publisherId(),
                    "billing",
                    d.publisher().verdict().name(),
                    d.publisher().message(),
                    d.payout().amount(),
                    null,
                    null,
                    Map.of("row", String.valueOf(d.publisherRow()))))));
    metrics.callSettled(
        fresh.buyerId() != null, d.buyer().verdict().name(), d.publisher().verdict().name());
  }

  private static CallState read(String json) {
    try {
      return RingtreeJson.mapper().readValue(json, CallState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable call state", e);
    }
  }
}
