package org.ringtree.integrations.rtb;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-target ping rate limits as token buckets: a target with {@code permitsPerSecond} and {@code
 * burst} may be pinged {@code burst} times at once and then {@code permitsPerSecond} times a
 * second. Targets without a configured rate use the default (unlimited unless set). Limits are per
 * runtime node. Thread-safe.
 */
public final class PingRateLimiter {

  /** A ping rate: the refill rate and the bucket size. */
  public record Rate(double permitsPerSecond, int burst) {
    public Rate {
      if (!(permitsPerSecond > 0) || burst < 1) {
        throw new IllegalArgumentException(
            "a ping rate needs permitsPerSecond > 0 and burst >= 1: "
                + permitsPerSecond
                + "/"
                + burst);
      }
    }
  }

  private final Rate defaultRate;
  private final LongSupplier nanoClock;
  private final Map<String, Rate> rates = new ConcurrentHashMap<>();
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** No limit unless one is configured per target. */
  public static PingRateLimiter unlimited() {
    return new PingRateLimiter(null, System::nanoTime);
  }

  /** Applies {@code defaultRate} to every target without its own rate. */
  public static PingRateLimiter withDefault(Rate defaultRate) {
    return new PingRateLimiter(Objects.requireNonNull(defaultRate), System::nanoTime);
  }

  PingRateLimiter(Rate defaultRate, LongSupplier nanoClock) {
    this.defaultRate = defaultRate;
    this.nanoClock = nanoClock;
  }

  /** Sets (or with null removes) a target's own rate; its bucket starts full. */
  public void setRate(String targetId, Rate rate) {
    if (rate == null) {
      rates.remove(targetId);
    } else {
      rates.put(targetId, rate);
    }
    buckets.remove(targetId);
  }

  /** Takes one ping permit for the target; false means "do not ping now". */
  public boolean tryAcquire(String targetId) {
    Rate rate = rates.getOrDefault(targetId, defaultRate);
    if (rate == null) {
      return true;
    }
    return buckets
        .computeIfAbsent(targetId, id -> new Bucket(rate, nanoClock.getAsLong()))
        .tryTake(nanoClock.getAsLong());
  }

  /** The rate in force for a target, or null when unlimited. */
  public Rate rateOf(String targetId) {
    return rates.getOrDefault(targetId, defaultRate);
  }

  private static final class Bucket {
    private final Rate rate;
    private double tokens;
    private long lastNanos;

    Bucket(Rate rate, long now) {
      this.rate = rate;
      this.tokens = rate.burst();
      this.lastNanos = now;
    }

    synchronized boolean tryTake(long now) {
      long elapsed = Math.max(0, now - lastNanos);
      lastNanos = now;
      tokens = Math.min(rate.burst(), tokens + elapsed * rate.permitsPerSecond() / 1e9);
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }
}
