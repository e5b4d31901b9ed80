package org.ringtree.rules.fraud;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * At most {@code numbers} different caller ids sharing the first eight digits (+1 NPA NXX X) from
 * one source (the tracking number's publisher) in {@code window}: a dialer that rotates the last
 * digits of its caller id escapes a per-number velocity limit but not this.
 */
public record RotationLimit(int numbers, Duration window) {

  public static final Duration LONGEST_WINDOW = Duration.ofDays(1);

  /** How many characters of an E.164 +1 number make the shared prefix: +1, NPA, NXX and one. */
  public static final int PREFIX_LENGTH = 9;

  public RotationLimit {
    if (numbers < 2) {
      throw new IllegalArgumentException(
          "a rotating-dialer limit allows at least 2 numbers, not " + numbers);
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a rotating-dialer window is longer than zero");
    }
    if (window.compareTo(LONGEST_WINDOW) > 0) {
      throw new IllegalArgumentException(
          "a rotating-dialer window is at most 24 hours, not " + window);
    }
  }

  /** An earlier call from the same source whose caller id shares this call's prefix. */
  public record PrefixCall(String number, Instant at) {}

  /** The prefix a number is counted under, or empty when it is no +1 ten-digit number. */
  public static Optional<String> prefixOf(String number) {
    if (number == null || number.length() != 12 || !number.startsWith("+1")) {
      return Optional.empty();
    }
    for (int i = 2; i < 12; i++) {
      if (!Character.isDigit(number.charAt(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(number.substring(0, PREFIX_LENGTH));
  }

  /**
   * Why this call is over the limit, counting the distinct numbers (this one included) that share
   * its prefix among the source's calls inside the window; empty when it is within.
   */
  public Optional<String> exceededBy(String caller, Instant arrivedAt, List<PrefixCall> recent) {
    Optional<String> prefix = prefixOf(caller);
    if (prefix.isEmpty()) {
      return Optional.empty();
    }
    Instant since = arrivedAt.minus(window);
    long others =
        recent.stream()
            .filter(p -> !p.at().isBefore(since) && !p.at().isAfter(arrivedAt))
            .map(PrefixCall::number)
            .filter(n -> n.startsWith(prefix.get()) && !n.equals(caller))
            .distinct()
            .count();
    long withThis = others + 1;
    if (withThis <= numbers) {
      return Optional.empty();
    }
    return Optional.of(
        withThis
            + " different numbers starting "
            + prefix.get()
            + " from this source in "
            + VelocityLimit.shown(window)
            + " (limit "
            + numbers
            + ")");
  }
}
