package org.ringtree.runtime.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One token bucket per key (a client address, a username), in memory. Taking a token is a map
 * look-up and a compare-and-set: no lock and no I/O, so it can sit in front of the voice webhooks.
 * The map is bounded: past {@code maxKeys} the full (idle) buckets are dropped, and if every bucket
 * is in use, all of them; a flood of new addresses can at worst reset the counts, never exhaust
 * memory.
 */
final class KeyedBuckets {

  private final long capacity;
  private final Duration period;
  private final int maxKeys;
  private final TimeMeter time;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final ReentrantLock sweeping = new ReentrantLock();

  KeyedBuckets(long capacity, Duration period, int maxKeys, TimeMeter time) {
    if (capacity < 1 || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("a limit needs a capacity and a period above zero");
    }
    this.capacity = capacity;
    this.period = period;
    this.maxKeys = maxKeys;
    this.time = time;
  }

  /** Takes one token for {@code key}: zero when allowed, else how long until one is free. */
  Duration take(String key) {
    ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
    return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
  }

  /** How long until {@code key} has a token, without taking one; zero when it has one now. */
  Duration waitFor(String key) {
    Bucket bucket = buckets.get(key);
    return bucket == null
        ? Duration.ZERO
        : Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
  }

  long capacity() {
    return capacity;
  }

  private Bucket bucket(String key) {
    Bucket bucket = buckets.get(key);
    if (bucket != null) {
      return bucket;
    }
    if (buckets.size() >= maxKeys) {
      sweep();
    }
    return buckets.computeIfAbsent(key, k -> newBucket());
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
        .withCustomTimePrecision(time)
        .build();
  }

  private void sweep() {
    if (!sweeping.tryLock()) {
      return; // another thread is sweeping; the map may overshoot by a few keys meanwhile
    }
    try {
      buckets.values().removeIf(b -> b.getAvailableTokens() >= capacity);
      if (buckets.size() >= maxKeys) {
        buckets.clear();
      }
    } finally {
      sweeping.unlock();
    }
  }
}
