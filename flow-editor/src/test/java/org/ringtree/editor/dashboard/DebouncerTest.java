package org.ringtree.editor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DebouncerTest {

  final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  @Test
  void aBurstOfSignalsRunsTheTaskOnceAndTheNextNotBeforeTheInterval() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    long[] times = new long[2];
    Debouncer d =
        new Debouncer(
            executor,
            System::currentTimeMillis,
            300,
            () -> times[Math.min(runs.getAndIncrement(), 1)] = System.currentTimeMillis());
    for (int i = 0; i < 300; i++) {
      d.signal();
    }
    executor.schedule(() -> {}, 100, TimeUnit.MILLISECONDS).get();
    assertThat(runs.get()).isEqualTo(1);
    for (int i = 0; i < 300; i++) {
      d.signal();
    }
    executor.schedule(() -> {}, 600, TimeUnit.MILLISECONDS).get();
    assertThat(runs.get()).isEqualTo(2);
    assertThat(times[1] - times[0]).isGreaterThanOrEqualTo(300);
  }
}
