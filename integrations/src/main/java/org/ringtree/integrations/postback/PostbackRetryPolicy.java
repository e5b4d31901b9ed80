package org.ringtree.integrations.postback;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard a postback is tried: {@code maxAttempts} in all, waiting {@code initialDelay} after the
 * first failure and {@code multiplier} times longer after each next one, at most {@code maxDelay};
 * each attempt may take {@code timeout} (connect and response).
 */
public record PostbackRetryPolicy(
    int maxAttempts,
    Duration initialDelay,
    double multiplier,
    Duration maxDelay,
    Duration timeout) {

  public PostbackRetryPolicy {
    Objects.requireNonNull(initialDelay, "initialDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(timeout, "timeout");
    if (maxAttempts < 1 || multiplier < 1 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(
          "need maxAttempts >= 1, multiplier >= 1 and a positive timeout");
    }
  }

  /** 6 attempts: after 30 s, 1, 2, 4 and 8 minutes (about a quarter of an hour), 5 s each. */
  public static PostbackRetryPolicy defaults() {
    return new PostbackRetryPolicy(
        6, Duration.ofSeconds(30), 2.0, Duration.ofMinutes(10), Duration.ofSeconds(5));
  }
}
