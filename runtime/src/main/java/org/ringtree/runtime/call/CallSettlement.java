package org.ringtree.runtime.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.billing.BillingDecision;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.billing.CallBilling;
import org.ringtree.runtime.observability.BusinessMetrics;
import org.ringtree.runtime.routing.CapacityStore;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
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

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(CallSettlement.class);

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
  private final RoutingTraceStore traces;
  private final CapacityStore capacity;
  private final CallBilling billing;
  private final TransactionTemplate tx;
  private final BusinessMetrics metrics;

  CallSettlement(
      CallStore calls,
      RoutingTraceStore traces,
      CapacityStore capacity,
      CallBilling billing,
      TransactionTemplate tx,
      BusinessMetrics metrics) {
    this.metrics = metrics;
    this.calls = calls;
    this.traces = traces;
    this.capacity = capacity;
    this.billing = billing;
    this.tx = tx;
  }

  /** Settles a call whose end is stored; a failure is logged and left to the reconciler. */
  public void settleAfterAnswer(UUID callId, String callSid) {
    try {
      settle(callId);
    } catch (RuntimeException e) {
      log.error(
          "Call {} ended and its end is stored, but settling failed; the reconciler settles it"
              + " later",
          callSid,
          e);
    }
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
                traces.appendTrace(
                    call.id(),
                    List.of(
                        TraceEntry.of(
                            null, null, TraceKind.RECONCILE, TraceOutcome.NO_DIAL_RESULT, reason)));
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
    CallRow fresh = calls.find(callSid).orElseThrow();
    Optional<CallState> state = fresh.state();
    if (fresh.flowVersionId() == null || state.isEmpty()) {
      return;
    }
    BillingDecision d =
        billing.settle(
            new CallBilling.FinishedCall(
                fresh.id(),
                fresh.campaignId(),
                fresh.publisherId(),
                fresh.buyerId(),
                fresh.targetId(),
                state.get(),
                fresh.talkSeconds() == null ? 0 : fresh.talkSeconds(),
                fresh.revenue() == null ? null : new Money(fresh.revenue(), Money.USD),
                fresh.targetId() == null ? null : calls.bidConversionSeconds(fresh.id())));
    traces.appendTrace(
        fresh.id(),
        List.of(
            TraceEntry.justified(TraceKind.BILLING, d.buyer())
                .about(fresh.buyerId())
                .amounting(d.revenue().amount())
                .detailed(Map.of("row", String.valueOf(d.buyerRow()))),
            TraceEntry.justified(TraceKind.BILLING, d.publisher())
                .about(fresh.publisherId())
                .amounting(d.payout().amount())
                .detailed(Map.of("row", String.valueOf(d.publisherRow())))));
    metrics.callSettled(
        fresh.buyerId() != null, d.buyer().verdict().name(), d.publisher().verdict().name());
  }
}
