package org.ringtree.runtime.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The network's own figures as Prometheus metrics (scraped at {@code /actuator/prometheus}): calls
 * by outcome, pings by result and latency per target, caps found full, fallbacks taken,
 * dead-lettered postbacks, and the money booked. Figures that follow a database write count once it
 * is committed. Names and tags are listed in docs/operations.md, with a Grafana dashboard.
 */
@Component
public class BusinessMetrics {

  private final MeterRegistry registry;

  BusinessMetrics(MeterRegistry registry) {
    this.registry = registry;
    deadLettered(); // scraped as 0 from the start: "none yet" is worth seeing
  }

  private Counter deadLettered() {
    return Counter.builder("ringtree.postbacks.dead_lettered")
        .description("Publisher postbacks dead-lettered")
        .register(registry);
  }

  /** A call settled: whether a buyer took it, and the buyer's and publisher's billing verdicts. */
  public void callSettled(boolean routed, String buyerVerdict, String publisherVerdict) {
    afterCommit(
        () ->
            Counter.builder("ringtree.calls.settled")
                .description("Calls settled, by whether a buyer took them and their verdicts")
                .tag("routed", String.valueOf(routed))
                .tag("buyer", buyerVerdict)
                .tag("publisher", publisherVerdict)
                .register(registry)
                .increment());
  }

  /** One RTB ping's result and latency. */
  public void ping(String targetId, String result, Duration latency) {
    Timer.builder("ringtree.rtb.pings")
        .description("RTB pings by target and result")
        .tag("target", targetId)
        .tag("result", result)
        // a few fixed buckets (not a percentile histogram): one set per target and result
        .serviceLevelObjectives(
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(250),
            Duration.ofMillis(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(5))
        .register(registry)
        .record(latency);
  }

  /** A cap refused a call (e.g. "buyer daily"). */
  public void capFull(String cap) {
    Counter.builder("ringtree.caps.full")
        .description("Calls a cap refused")
        .tag("cap", cap)
        .register(registry)
        .increment();
  }

  /** A caller handed to the campaign fallback, and why. */
  public void fallback(String reason) {
    Counter.builder("ringtree.fallbacks")
        .description("Callers handed to the campaign fallback")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }

  /** A publisher postback gave up after its last attempt. */
  public void postbackDeadLettered() {
    deadLettered().increment();
  }

  /** A ledger row: revenue (buyer), payout (publisher) or an adjustment, in its currency. */
  public void booked(String party, String kind, String currency, BigDecimal amount) {
    afterCommit(
        () ->
            Counter.builder("ringtree.money.booked")
                .description("Money booked in the ledger (revenue, payout, adjustments)")
                .tag("party", party)
                .tag("kind", kind)
                .tag("currency", currency)
                .register(registry)
                .increment(amount.doubleValue()));
  }

  private static void afterCommit(Runnable count) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              count.run();
            }
          });
    } else {
      count.run();
    }
  }
}
