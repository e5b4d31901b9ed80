package org.ringtree.runtime.call;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes sure every call ends and is settled, whatever the webhooks did: settles calls whose end is
 * stored but not settled (settling failed after the status was answered, or a dial result never
 * came), and ends calls whose status never came after {@code ringtree.reconcile.no-status-after} —
 * with the provider's own record of the call when one is configured, else marked "no status from
 * provider" — so their capacity is given back and they are billed by what is known. Safe on every
 * node at once: each call is taken with {@code FOR UPDATE SKIP LOCKED} and settled exactly once.
 */
@Component
public class CallReconciler {

  private static final Logger log = LoggerFactory.getLogger(CallReconciler.class);

  private final CallStore calls;
  private final UnsettledCallStore unsettled;
  private final RoutingTraceStore traces;
  private final CallSettlement settlement;
  private final CallRecords provider;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Duration noStatusAfter;
  private final Duration dialResultWait;
  private final int batch;

  CallReconciler(
      CallStore calls,
      UnsettledCallStore unsettled,
      RoutingTraceStore traces,
      CallSettlement settlement,
      CallRecords provider,
      TransactionTemplate tx,
      Clock clock,
      @Value("${ringtree.reconcile.no-status-after:4h}") Duration noStatusAfter,
      @Value("${ringtree.reconcile.dial-result-wait:10m}") Duration dialResultWait,
      @Value("${ringtree.reconcile.batch:200}") int batch) {
    this.calls = calls;
    this.unsettled = unsettled;
    this.traces = traces;
    this.settlement = settlement;
    this.provider = provider;
    this.tx = tx;
    this.clock = clock;
    this.noStatusAfter = noStatusAfter;
    this.dialResultWait = dialResultWait;
    this.batch = batch;
  }

  /** What one pass did. */
  public record Pass(int settled, int endedWithoutStatus, int endedByProvider, int stillLive) {}

  @Scheduled(
      fixedDelayString = "${ringtree.reconcile.interval:60s}",
      initialDelayString = "${ringtree.reconcile.interval:60s}")
  void scheduled() {
    try {
      Pass pass = reconcile(clock.instant());
      if (pass.settled() + pass.endedWithoutStatus() + pass.endedByProvider() > 0) {
        log.info("Reconciled calls: {}", pass);
      }
    } catch (RuntimeException e) {
      log.error("Reconciling calls failed; trying again at the next interval", e);
    }
  }

  /** One pass as of {@code now}; tests call it directly. */
  public Pass reconcile(Instant now) {
    int endedWithoutStatus = 0;
    int endedByProvider = 0;
    int stillLive = 0;
    for (UnsettledCallStore.OpenCall open : unsettled.notEnded(now.minus(noStatusAfter), batch)) {
      switch (endOpenCall(open, now)) {
        case NO_STATUS -> endedWithoutStatus++;
        case BY_PROVIDER -> endedByProvider++;
        case LIVE -> stillLive++;
        case SKIPPED -> {}
      }
    }
    int settled = 0;
    for (UUID id : unsettled.endedNotSettled(batch)) {
      try {
        if (settlement.settle(id, now.minus(dialResultWait), true)
            == CallSettlement.Outcome.SETTLED) {
          settled++;
        }
      } catch (RuntimeException e) {
        log.error("Settling call {} failed; trying again at the next pass", id, e);
      }
    }
    return new Pass(settled, endedWithoutStatus, endedByProvider, stillLive);
  }

  private enum Ending {
    NO_STATUS,
    BY_PROVIDER,
    LIVE,
    SKIPPED
  }

  /** A call whose status never came: ask the provider, else end it as "no status". */
  private Ending endOpenCall(UnsettledCallStore.OpenCall open, Instant now) {
    Optional<CallRecords.ProviderCall> record = Optional.empty();
    if (provider.configured()) {
      try {
        record = provider.fetch(open.callSid());
      } catch (RuntimeException e) {
        log.warn("Could not fetch call {} from the provider: {}", open.callSid(), e.toString());
      }
    }
    if (record.isPresent() && !record.get().ended()) {
      // the provider says the call is still going: a long call, not a lost status
      return Ending.LIVE;
    }
    Optional<CallRecords.ProviderCall> ended = record;
    long minutes = Duration.between(open.startedAt(), now).toMinutes();
    Ending ending =
        tx.execute(
            s -> {
              Optional<CallStore.EndOfCall> locked = calls.lockForSettling(open.id(), true);
              if (locked.isEmpty() || locked.get().endedAt() != null) {
                return Ending.SKIPPED; // another node has it, or its status just came
              }
              String reason;
              Ending how;
              if (ended.isPresent()) {
                CallRecords.ProviderCall p = ended.get();
                reason =
                    "no status callback from the provider; its call record says "
                        + p.status()
                        + (p.durationSeconds() == null ? "" : ", " + p.durationSeconds() + " s");
                calls.markEndedBy(open.id(), p.status(), p.durationSeconds(), reason);
                how = Ending.BY_PROVIDER;
              } else {
                reason =
                    "no status from provider "
                        + minutes
                        + " min after the call started"
                        + (provider.configured() ? " (the provider has no record of it)" : "")
                        + "; capacity freed";
                calls.markEndedWithoutStatus(open.id(), reason);
                how = Ending.NO_STATUS;
              }
              traces.appendTrace(
                  open.id(),
                  List.of(
                      TraceEntry.of(
                          null,
                          null,
                          TraceKind.RECONCILE,
                          how == Ending.NO_STATUS
                              ? TraceOutcome.NO_STATUS
                              : TraceOutcome.PROVIDER_RECORD,
                          reason)));
              return how;
            });
    if (ending == Ending.NO_STATUS || ending == Ending.BY_PROVIDER) {
      log.warn(
          "Call {} had no status callback; ended by the reconciler ({})", open.callSid(), ending);
    }
    return ending == null ? Ending.SKIPPED : ending;
  }
}
