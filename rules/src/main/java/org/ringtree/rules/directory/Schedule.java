package org.ringtree.rules.directory;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Hours of operation in a timezone, with holidays (whole local days closed). No hours at all means
 * open around the clock (holidays still close). A window whose end is before its start runs past
 * midnight.
 */
public record Schedule(String timezone, List<OpenHours> hours, Set<LocalDate> holidays) {

  public static final Schedule ALWAYS = new Schedule("UTC", List.of(), Set.of());

  /**
   * The timezone of a condition's hours that follow the caller: the zone of the zip they entered or
   * the carrier sent. Such hours are closed when the caller's zone is unknown.
   */
  public static final String CALLER = "caller";

  /** Open on these days from {@code from} (inclusive) to {@code to} (exclusive). */
  public record OpenHours(Set<DayOfWeek> days, LocalTime from, LocalTime to) {
    public OpenHours {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      // EnumSet keeps day order, so equal schedules serialise identically.
      days =
          java.util.Collections.unmodifiableSet(
              days == null || days.isEmpty()
                  ? EnumSet.allOf(DayOfWeek.class)
                  : EnumSet.copyOf(days));
    }

    boolean contains(DayOfWeek day, LocalTime time) {
      if (from.equals(to)) {
        return days.contains(day);
      }
      if (from.isBefore(to)) {
        return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
      }
      // Overnight: the part after `from` belongs to the day it starts on.
      return (days.contains(day) && !time.isBefore(from))
          || (days.contains(day.minus(1)) && time.isBefore(to));
    }
  }

  public Schedule {
    Objects.requireNonNull(timezone, "timezone");
    if (!CALLER.equals(timezone)) {
      ZoneId.of(timezone);
    }
    hours = hours == null ? List.of() : List.copyOf(hours);
    holidays =
        holidays == null
            ? Set.of()
            : java.util.Collections.unmodifiableSet(new TreeSet<>(holidays));
  }

  public static Schedule weekdays(String timezone, String from, String to) {
    return new Schedule(
        timezone,
        List.of(
            new OpenHours(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.parse(from),
                LocalTime.parse(to))),
        Set.of());
  }

  public ZoneId zone() {
    return ZoneId.of(timezone);
  }

  /** As {@link #isOpenAt(Instant)}, with hours in the caller's zone when the timezone says so. */
  public boolean isOpenAt(Instant instant, String callerZone) {
    if (!CALLER.equals(timezone)) {
      return isOpenAt(instant);
    }
    if (callerZone == null) {
      return false;
    }
    return isOpenIn(instant.atZone(ZoneId.of(callerZone)));
  }

  public boolean isOpenAt(Instant instant) {
    return isOpenIn(instant.atZone(zone()));
  }

  private boolean isOpenIn(ZonedDateTime local) {
    if (holidays.contains(local.toLocalDate())) {
      return false;
    }
    if (hours.isEmpty()) {
      return true;
    }
    for (OpenHours h : hours) {
      if (h.contains(local.getDayOfWeek(), local.toLocalTime())) {
        return true;
      }
    }
    return false;
  }

  /** Why a call at {@code instant} is outside: "outside hours 09:00–17:00 America/Chicago". */
  public String describeClosed(Instant instant) {
    ZonedDateTime local = instant.atZone(zone());
    if (holidays.contains(local.toLocalDate())) {
      return "holiday " + local.toLocalDate() + " " + timezone;
    }
    return "outside hours " + describeHours() + " " + timezone;
  }

  public String describeHours() {
    if (hours.isEmpty()) {
      return "00:00–24:00";
    }
    return hours.stream()
        .map(
            h -> {
              String days =
                  h.days().size() == 7
                      ? ""
                      : h.days().stream()
                              .sorted()
                              .map(d -> d.name().substring(0, 3))
                              .collect(Collectors.joining(","))
                          + " ";
              return days + h.from() + "–" + h.to();
            })
        .collect(Collectors.joining("; "));
  }
}
