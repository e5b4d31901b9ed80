package org.ringtree.rules.fraud;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.call.PriorCall;

/**
 * The same caller at most {@code calls} times in {@code window}, across every campaign of the
 * network: a repeat dialer calls again and again, and each call can bill.
 */
public record VelocityLimit(int calls, Duration window) {

  public static final Duration LONGEST_WINDOW = Duration.ofDays(1);

  public VelocityLimit {
    if (calls < 1) {
      throw new IllegalArgumentException("a velocity limit allows at least 1 call, not " + calls);
    }
    if (window == null || window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a velocity window is longer than zero");
    }
    if (window.compareTo(LONGEST_WINDOW) > 0) {
      throw new IllegalArgumentException("a velocity window is at most 24 hours, not " + window);
    }
  }

  /**
   * Why this call is over the limit, counting it with the caller's earlier calls inside the window;
   * empty when it is within.
   */
  public Optional<String> exceededBy(Instant arrivedAt, List<PriorCall> history) {
    Instant since = arrivedAt.minus(window);
    long earlier =
        history.stream().filter(p -> !p.at().isBefore(since) && !p.at().isAfter(arrivedAt)).count();
    long withThis = earlier + 1;
    if (withThis <= calls) {
      return Optional.empty();
    }
    return Optional.of(
        "the caller called " + withThis + " times in " + shown(window) + " (limit " + calls + ")");
  }

  static String shown(Duration d) {
    long minutes = d.toMinutes();
    if (minutes % 60 == 0) {
      long hours = minutes / 60;
      return hours == 1 ? "1 hour" : hours + " hours";
    }
    return minutes == 1 ? "1 minute" : minutes + " minutes";
  }
}
