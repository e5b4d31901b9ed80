package org.ringtree.runtime.limits;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failed sign-ins, counted where they come from. {@code maxFailedAttempts} wrong passwords in a row
 * for one username from one client address refuse that username from that address for {@code
 * lockout}; the same username from any other address is not affected, so nobody can lock the admin
 * out by guessing. An address whose failed sign-ins (any usernames) exceed {@code signInFailures}
 * per {@code signInWindow} is refused sign-ins altogether until its bucket refills: one address
 * cannot spray guesses over many usernames either. A successful sign-in clears the count of its own
 * address and username only.
 */
public final class SignInLimiter {

  /** A username refused from one client address until {@code until}. */
  public record Lock(String address, Instant until) {}

  /** The outcome of counting a failure: whether it locked the pair, and until when. */
  public record Failure(boolean locked, Instant until) {}

  private static final class Count {
    int failures;
    Instant lockedUntil;
  }

  private final int maxFailedAttempts;
  private final Duration lockout;
  private final int maxKeys;
  private final KeyedBuckets addressFailures;
  private final Clock clock;
  // username -> client address -> failures in a row: a user's locks are one look-up away
  private final Map<String, Map<String, Count>> byUser = new ConcurrentHashMap<>();
  private final AtomicInteger tracked = new AtomicInteger();

  public SignInLimiter(
      int maxFailedAttempts, Duration lockout, LimitSettings settings, Clock clock) {
    this(maxFailedAttempts, lockout, settings, clock, TimeMeter.SYSTEM_NANOTIME);
  }

  SignInLimiter(
      int maxFailedAttempts,
      Duration lockout,
      LimitSettings settings,
      Clock clock,
      TimeMeter time) {
    this.maxFailedAttempts = maxFailedAttempts;
    this.lockout = lockout;
    this.maxKeys = settings.maxTrackedKeys();
    this.clock = clock;
    this.addressFailures =
        new KeyedBuckets(
            settings.signInFailures(), settings.signInWindow(), settings.maxTrackedKeys(), time);
  }

  /**
   * How long sign-ins as {@code username} from {@code address} are refused: zero when they may try.
   * {@code address} is a {@link ClientAddress#key}.
   */
  public Duration refusedFor(String address, String username) {
    Duration pair = Duration.ZERO;
    Count count = count(address, username);
    if (count != null) {
      synchronized (count) {
        if (count.lockedUntil != null) {
          pair = Duration.between(clock.instant(), count.lockedUntil);
        }
      }
    }
    Duration spraying = addressFailures.waitFor(address);
    Duration longest = pair.compareTo(spraying) > 0 ? pair : spraying;
    return longest.isNegative() ? Duration.ZERO : longest;
  }

  /** Counts a wrong password (or an unknown username) from {@code address}. */
  public Failure recordFailure(String address, String username) {
    addressFailures.take(address);
    if (tracked.get() >= maxKeys) {
      sweep();
    }
    Count count =
        byUser
            .computeIfAbsent(normalise(username), u -> new ConcurrentHashMap<>())
            .computeIfAbsent(
                address,
                a -> {
                  tracked.incrementAndGet();
                  return new Count();
                });
    synchronized (count) {
      Instant now = clock.instant();
      if (count.lockedUntil != null && !count.lockedUntil.isAfter(now)) {
        count.failures = 0; // a lock that ran out starts a new count
        count.lockedUntil = null;
      }
      count.failures++;
      if (count.failures >= maxFailedAttempts && count.lockedUntil == null) {
        count.lockedUntil = now.plus(lockout);
        return new Failure(true, count.lockedUntil);
      }
      return new Failure(false, count.lockedUntil);
    }
  }

  /** A right password clears the failures of this address and username. */
  public void recordSuccess(String address, String username) {
    Map<String, Count> addresses = byUser.get(normalise(username));
    if (addresses != null && addresses.remove(address) != null) {
      tracked.decrementAndGet();
    }
  }

  /** Failures in a row so far for this address and username (0 after a success). */
  public int failures(String address, String username) {
    Count count = count(address, username);
    if (count == null) {
      return 0;
    }
    synchronized (count) {
      return count.failures;
    }
  }

  /** The addresses {@code username} is refused from now, soonest expiry first. */
  public List<Lock> locks(String username) {
    Map<String, Count> addresses = byUser.get(normalise(username));
    if (addresses == null) {
      return List.of();
    }
    Instant now = clock.instant();
    List<Lock> out = new ArrayList<>();
    addresses.forEach(
        (address, count) -> {
          synchronized (count) {
            if (count.lockedUntil != null && count.lockedUntil.isAfter(now)) {
              out.add(new Lock(address, count.lockedUntil));
            }
          }
        });
    out.sort(Comparator.comparing(Lock::until));
    return out;
  }

  /** Lifts every lock and count of {@code username}, from every address; returns the locks. */
  public List<Lock> unlock(String username) {
    List<Lock> lifted = locks(username);
    Map<String, Count> removed = byUser.remove(normalise(username));
    if (removed != null) {
      tracked.addAndGet(-removed.size());
    }
    return lifted;
  }

  private Count count(String address, String username) {
    Map<String, Count> addresses = byUser.get(normalise(username));
    return addresses == null ? null : addresses.get(address);
  }

  /** Forgets every count without a running lock; locks are kept until they run out. */
  private synchronized void sweep() {
    Instant now = clock.instant();
    byUser
        .values()
        .forEach(
            addresses ->
                addresses
                    .values()
                    .removeIf(
                        c -> {
                          synchronized (c) {
                            boolean idle = c.lockedUntil == null || !c.lockedUntil.isAfter(now);
                            if (idle) {
                              tracked.decrementAndGet();
                            }
                            return idle;
                          }
                        }));
    byUser.values().removeIf(Map::isEmpty);
  }

  private static String normalise(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }
}
