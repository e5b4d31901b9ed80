package org.ringtree.editor.dashboard;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Turns a burst of signals into at most one run per interval: the first signal runs the task as
 * soon as the interval since the last run allows, and signals that arrive while a run is waiting
 * join it. At 300 settled calls a second, a dashboard re-reads its figures once a second.
 */
final class Debouncer {

  private final ScheduledExecutorService executor;
  private final LongSupplier clockMillis;
  private final long intervalMillis;
  private final Runnable task;
  private boolean pending;
  private long lastRun = Long.MIN_VALUE / 2;

  Debouncer(
      ScheduledExecutorService executor,
      LongSupplier clockMillis,
      long intervalMillis,
      Runnable task) {
    this.executor = executor;
    this.clockMillis = clockMillis;
    this.intervalMillis = intervalMillis;
    this.task = task;
  }

  /** Something changed: run the task once, now or when the interval allows. */
  synchronized void signal() {
    if (pending) {
      return;
    }
    pending = true;
    long wait = Math.max(0, lastRun + intervalMillis - clockMillis.getAsLong());
    executor.schedule(this::run, wait, TimeUnit.MILLISECONDS);
  }

  private void run() {
    synchronized (this) {
      pending = false;
      lastRun = clockMillis.getAsLong();
    }
    task.run();
  }
}
