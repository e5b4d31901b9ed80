package org.ringtree.integrations.rtb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.ringtree.integrations.rtb.PingRateLimiter.Rate;

class PingRateLimiterTest {

  private final AtomicLong now = new AtomicLong();
  private final PingRateLimiter limiter = new PingRateLimiter(null, now::get);

  private void advanceMillis(long ms) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
  }

  @Test
  void unlimitedUnlessConfigured() {
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.tryAcquire("any")).isTrue();
    }
    assertThat(limiter.rateOf("any")).isNull();
  }

  @Test
  void allowsABurstThenRefillsAtTheRate() {
    limiter.setRate("b", new Rate(10, 3));

    assertThat(limiter.tryAcquire("b")).isTrue();
    assertThat(limiter.tryAcquire("b")).isTrue();
    assertThat(limiter.tryAcquire("b")).isTrue();
    assertThat(limiter.tryAcquire("b")).isFalse();
    advanceMillis(99);
    assertThat(limiter.tryAcquire("b")).isFalse();
    advanceMillis(1);
    assertThat(limiter.tryAcquire("b")).isTrue();
    assertThat(limiter.tryAcquire("b")).isFalse();
    advanceMillis(10_000);
    assertThat(limiter.tryAcquire("b")).isTrue();
    assertThat(limiter.tryAcquire("b")).isTrue();
    assertThat(limiter.tryAcquire("b")).isTrue();
    assertThat(limiter.tryAcquire("b")).as("never more than the burst").isFalse();
  }

  @Test
  void targetsHaveSeparateBucketsAndADefaultApplies() {
    PingRateLimiter withDefault = new PingRateLimiter(new Rate(1, 1), now::get);

    assertThat(withDefault.tryAcquire("a")).isTrue();
    assertThat(withDefault.tryAcquire("a")).isFalse();
    assertThat(withDefault.tryAcquire("b")).isTrue();
    withDefault.setRate("a", new Rate(1, 5));
    assertThat(withDefault.tryAcquire("a")).as("a new rate starts with a full bucket").isTrue();
  }

  @Test
  void refusesNonsenseRates() {
    assertThatThrownBy(() -> new Rate(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Rate(5, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
