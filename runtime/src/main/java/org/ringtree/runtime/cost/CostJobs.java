package org.ringtree.runtime.cost;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.ringtree.runtime.billing.BillingProperties;
import org.ringtree.runtime.billing.CallSettled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When costs are booked. A call's rated cost right after its settlement commits (a failure there
 * never undoes the settlement); then, every {@code ringtree.costs.every} (default 60 s) on every
 * node: costs not booked yet (a recording whose callback came after settling, or a failed attempt)
 * for calls started in the last {@code ringtree.costs.catch-up-days} (3), the provider's prices for
 * calls settled more than {@code ringtree.costs.provider-delay} (10 min) ago, and this month's
 * number rent. Every row is idempotent, so nodes racing each other write each row once.
 */
@Component
class CostJobs {

  private static final Logger log = LoggerFactory.getLogger(CostJobs.class);
  private static final int BATCH = 200;

  private final CallCosts costs;
  private final PriceReconciler reconciler;
  private final NumberRent rent;
  private final CostStore store;
  private final BillingProperties billing;
  private final TransactionTemplate tx;
  private final Duration catchUp;
  private final Duration providerDelay;
  private final Clock clock = Clock.systemUTC();

  CostJobs(
      CallCosts costs,
      PriceReconciler reconciler,
      NumberRent rent,
      CostStore store,
      BillingProperties billing,
      TransactionTemplate tx,
      @Value("${ringtree.costs.catch-up-days:3}") int catchUpDays,
      @Value("${ringtree.costs.provider-delay:10m}") Duration providerDelay) {
    this.costs = costs;
    this.reconciler = reconciler;
    this.rent = rent;
    this.store = store;
    this.billing = billing;
    this.tx = new TransactionTemplate(tx.getTransactionManager());
    this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.catchUp = Duration.ofDays(catchUpDays);
    this.providerDelay = providerDelay;
  }

  /** Books the call's rated cost once its settlement is committed. */
  @TransactionalEventListener(fallbackExecution = true)
  void settled(CallSettled e) {
    try {
      tx.executeWithoutResult(s -> costs.book(e.callId()));
    } catch (RuntimeException ex) {
      log.warn(
          "Costing call {} failed; the cost job books it later: {}", e.callId(), ex.toString());
    }
  }

  @Scheduled(
      fixedDelayString = "${ringtree.costs.every:60s}",
      initialDelayString = "${ringtree.costs.every:60s}")
  void run() {
    try {
      runOnce(clock.instant());
    } catch (DataAccessException | com.twilio.exception.TwilioException e) {
      log.warn("Cost job failed, the next run tries again: {}", e.toString());
    }
  }

  /** One pass of the job; returns the rows it wrote. */
  int runOnce(Instant now) {
    int written = 0;
    for (UUID id : store.uncosted(now.minus(catchUp), BATCH)) {
      written += tx.execute(s -> costs.book(id));
    }
    if (reconciler.configured()) {
      for (UUID id : store.unreconciled(now.minus(catchUp), now.minus(providerDelay), BATCH)) {
        written += tx.execute(s -> reconciler.reconcile(id));
      }
    }
    written +=
        tx.execute(s -> rent.bookMonth(Clock.fixed(now, clock.getZone()), billing.timezone()));
    return written;
  }
}
