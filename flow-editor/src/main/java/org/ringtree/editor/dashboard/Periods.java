package org.ringtree.editor.dashboard;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * The dashboard's periods in a time zone: today, yesterday, this week (from Monday) and this month,
 * each with the period before it. A period still running is compared with the same stretch of the
 * period before (today until 14:20 against yesterday until 14:20, by the local clock), so a
 * half-finished day is not measured against a whole one.
 */
public final class Periods {

  /** The report roll-up's resolution: cuts inside a period are rounded up to it. */
  static final long QUARTER_HOUR_SECONDS = 15 * 60;

  /** What the operator picks. */
  public enum Kind {
    TODAY("Today", "yesterday"),
    YESTERDAY("Yesterday", "the day before"),
    THIS_WEEK("This week", "last week"),
    THIS_MONTH("This month", "last month");

    private final String label;
    private final String previousLabel;

    Kind(String label, String previousLabel) {
      this.label = label;
      this.previousLabel = previousLabel;
    }

    public String label() {
      return label;
    }

    public String previousLabel() {
      return previousLabel;
    }
  }

  /**
   * A period: [from, to) as instants, the local dates it covers (last one inclusive, for the call
   * log's filter), and the part of it that has happened ({@code until}, at most {@code to}).
   */
  public record Range(
      Instant from, Instant to, Instant until, LocalDate firstDay, LocalDate lastDay) {}

  /** A period and the one it is compared with. */
  public record Window(Kind kind, ZoneId zone, Range current, Range previous) {}

  private Periods() {}

  public static Window of(Kind kind, Instant now, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate start;
    LocalDate end; // exclusive
    LocalDate prevStart;
    switch (kind) {
      case TODAY -> {
        start = today;
        end = today.plusDays(1);
        prevStart = today.minusDays(1);
      }
      case YESTERDAY -> {
        start = today.minusDays(1);
        end = today;
        prevStart = today.minusDays(2);
      }
      case THIS_WEEK -> {
        start = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        end = start.plusWeeks(1);
        prevStart = start.minusWeeks(1);
      }
      case THIS_MONTH -> {
        start = today.withDayOfMonth(1);
        end = start.plusMonths(1);
        prevStart = start.minusMonths(1);
      }
      default -> throw new IllegalArgumentException(kind.name());
    }
    Instant from = startOf(start, zone);
    Instant to = startOf(end, zone);
    Instant until = now.isBefore(to) ? quarterUp(now) : to;
    if (until.isAfter(to)) {
      until = to;
    }
    Range current = new Range(from, to, until, start, end.minusDays(1));
    Instant prevFrom = startOf(prevStart, zone);
    Instant prevTo = from;
    Instant prevUntil = prevTo;
    if (until.isBefore(to)) {
      // the same local-clock stretch of the period before: 14:20 today is 14:20 yesterday
      LocalDateTime elapsedLocal = LocalDateTime.ofInstant(until, zone);
      LocalDateTime startLocal = start.atStartOfDay();
      Duration stretch = Duration.between(startLocal, elapsedLocal);
      ZonedDateTime cut = ZonedDateTime.of(prevStart.atStartOfDay().plus(stretch), zone);
      prevUntil = quarterUp(cut.toInstant());
      if (prevUntil.isAfter(prevTo)) {
        prevUntil = prevTo;
      }
    }
    Range previous = new Range(prevFrom, prevTo, prevUntil, prevStart, start.minusDays(1));
    return new Window(kind, zone, current, previous);
  }

  /** Local midnight of {@code day}, or the first instant of it where midnight does not exist. */
  static Instant startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }

  static Instant quarterUp(Instant t) {
    long s = t.getEpochSecond();
    long r = Math.floorMod(s, QUARTER_HOUR_SECONDS);
    return r == 0 && t.getNano() == 0 ? t : Instant.ofEpochSecond(s - r + QUARTER_HOUR_SECONDS);
  }
}
