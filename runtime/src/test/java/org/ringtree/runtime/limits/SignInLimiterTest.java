package org.ringtree.runtime.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Failed sign-ins lock a username from the address they came from, never from everywhere. */
class SignInLimiterTest {

  private static final String ATTACKER = "203.0.113.7";
  private static final String OFFICE = "198.51.100.20";

  private final AtomicLong nanos = new AtomicLong();
  private Instant now = Instant.parse("2026-12-05T10:00:00Z");
  private final SignInLimiter limiter =
      new SignInLimiter(5, Duration.ofMinutes(15), settings(100), clock(), meter());

  @Test
  void guessingTheAdminsPasswordFromOneAddressLocksOnlyThatAddress() {
    for (int i = 0; i < 4; i++) {
      assertThat(limiter.recordFailure(ATTACKER, "admin").locked()).isFalse();
    }
    SignInLimiter.Failure fifth = limiter.recordFailure(ATTACKER, "admin");

    assertThat(fifth.locked()).isTrue();
    assertThat(limiter.refusedFor(ATTACKER, "admin")).isEqualTo(Duration.ofMinutes(15));
    assertThat(limiter.refusedFor(ATTACKER, "ADMIN ")).isEqualTo(Duration.ofMinutes(15));
    assertThat(limiter.refusedFor(OFFICE, "admin")).isZero();
    assertThat(limiter.refusedFor(ATTACKER, "operator")).isZero();
    assertThat(limiter.locks("admin"))
        .containsExactly(new SignInLimiter.Lock(ATTACKER, fifth.until()));
  }

  @Test
  void aLockRunsOutAndTheNextFailuresCountAfresh() {
    for (int i = 0; i < 5; i++) {
      limiter.recordFailure(ATTACKER, "admin");
    }
    now = now.plus(Duration.ofMinutes(15));

    assertThat(limiter.refusedFor(ATTACKER, "admin")).isZero();
    assertThat(limiter.recordFailure(ATTACKER, "admin").locked()).isFalse();
    assertThat(limiter.failures(ATTACKER, "admin")).isEqualTo(1);
  }

  @Test
  void aRightPasswordClearsOnlyItsOwnAddressesCount() {
    limiter.recordFailure(ATTACKER, "admin");
    limiter.recordFailure(OFFICE, "admin");

    limiter.recordSuccess(OFFICE, "admin");

    assertThat(limiter.failures(OFFICE, "admin")).isZero();
    assertThat(limiter.failures(ATTACKER, "admin")).isEqualTo(1);
  }

  @Test
  void anUnlockLiftsTheUsersLocksFromEveryAddress() {
    for (int i = 0; i < 5; i++) {
      limiter.recordFailure(ATTACKER, "admin");
      limiter.recordFailure(OFFICE, "admin");
    }

    assertThat(limiter.unlock("admin"))
        .extracting(SignInLimiter.Lock::address)
        .contains(ATTACKER, OFFICE);
    assertThat(limiter.refusedFor(ATTACKER, "admin")).isZero();
    assertThat(limiter.locks("admin")).isEmpty();
  }

  @Test
  void anAddressSprayingGuessesOverManyUsernamesIsRefusedForEveryUsername() {
    SignInLimiter strict =
        new SignInLimiter(5, Duration.ofMinutes(15), settings(10), clock(), meter());
    for (int i = 0; i < 10; i++) {
      strict.recordFailure(ATTACKER, "user" + i);
    }

    assertThat(strict.refusedFor(ATTACKER, "someone-else")).isPositive();
    assertThat(strict.refusedFor(OFFICE, "someone-else")).isZero();
    nanos.addAndGet(Duration.ofMinutes(2).toNanos()); // 10 per 15 minutes: one back each 90 s
    assertThat(strict.refusedFor(ATTACKER, "someone-else")).isZero();
  }

  private static LimitSettings settings(long signInFailures) {
    return new LimitSettings(
        signInFailures,
        Duration.ofMinutes(15),
        200,
        100,
        50,
        2000,
        DataSize.ofMegabytes(1),
        DataSize.ofMegabytes(8),
        1000);
  }

  private Clock clock() {
    return new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now;
      }
    };
  }

  private TimeMeter meter() {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        return nanos.get();
      }

      @Override
      public boolean isWallClockBased() {
        return false;
      }
    };
  }
}
