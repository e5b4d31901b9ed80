package org.ringtree.editor.portal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The periods a portal's overview shows, in the party's time zone: today, and this week from
 * Monday, each as [from, to) instants so a call at midnight belongs to exactly one day.
 */
public final class PortalPeriods {

  /** A named stretch of time, from inclusive to exclusive. */
  public record Period(String name, Instant from, Instant to) {}

  private PortalPeriods() {}

  public static List<Period> overview(Instant now, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return List.of(
        new Period("Today", start(today, zone), start(today.plusDays(1), zone)),
        new Period("This week", start(monday, zone), start(monday.plusWeeks(1), zone)));
  }

  /** The days from {@code first} to {@code last} (both included) as [from, to) instants. */
  public static Period days(LocalDate first, LocalDate last, ZoneId zone) {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("the last day " + last + " is before the first " + first);
    }
    return new Period(first + " – " + last, start(first, zone), start(last.plusDays(1), zone));
  }

  private static Instant start(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }
}
