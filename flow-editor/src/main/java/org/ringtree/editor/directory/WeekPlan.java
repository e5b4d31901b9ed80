package org.ringtree.editor.directory;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ringtree.rules.directory.Schedule;

/**
 * The weekly grid's model, without components: each day closed, open 24 hours or open in windows,
 * or the whole week around the clock; read from and turned back into a {@link Schedule}. A window
 * past midnight (22:00–02:00) belongs to the day it starts, as in the rules.
 */
final class WeekPlan {

  /** How one day is open. */
  enum Mode {
    CLOSED("Closed"),
    ALL_DAY("Open 24 hours"),
    WINDOWS("Open from … to …");

    private final String words;

    Mode(String words) {
      this.words = words;
    }

    String words() {
      return words;
    }
  }

  /** One opening on a day; either end may be missing while the operator is still typing. */
  record Window(LocalTime from, LocalTime to) {}

  /** One day of the week: its mode and, for WINDOWS, its windows in order. */
  record Day(Mode mode, List<Window> windows) {
    Day {
      windows = windows == null ? List.of() : List.copyOf(windows);
    }

    static final Day CLOSED = new Day(Mode.CLOSED, List.of());
    static final Day ALL_DAY = new Day(Mode.ALL_DAY, List.of());

    static Day open(Window... windows) {
      return new Day(Mode.WINDOWS, List.of(windows));
    }
  }

  /** A stretch of a day's 24-hour bar, in minutes; {@code spill} is yesterday's late window. */
  record Segment(int fromMinute, int toMinute, boolean spill) {}

  static final String AROUND_THE_CLOCK = "aroundTheClock";
  static final String WINDOW_WORDS =
      "a window is from-to in 24-hour time, such as 09:00-17:00, or 24h";

  private WeekPlan() {}

  /** True when the schedule has no hours at all: open every day, all day (holidays aside). */
  static boolean aroundTheClock(Schedule s) {
    return s.hours().isEmpty();
  }

  /** Each day of a schedule's week (all open 24 hours when it runs around the clock). */
  static Map<DayOfWeek, Day> days(Schedule s) {
    Map<DayOfWeek, Day> out = new EnumMap<>(DayOfWeek.class);
    Map<DayOfWeek, List<Window>> windows = new EnumMap<>(DayOfWeek.class);
    Set<DayOfWeek> allDay = EnumSet.noneOf(DayOfWeek.class);
    if (s.hours().isEmpty()) {
      allDay.addAll(EnumSet.allOf(DayOfWeek.class));
    }
    for (Schedule.OpenHours h : s.hours()) {
      for (DayOfWeek day : h.days()) {
        if (h.from().equals(h.to())) {
          allDay.add(day);
        } else {
          windows.computeIfAbsent(day, k -> new ArrayList<>()).add(new Window(h.from(), h.to()));
        }
      }
    }
    for (DayOfWeek day : DayOfWeek.values()) {
      if (allDay.contains(day)) {
        out.put(day, Day.ALL_DAY);
      } else if (windows.containsKey(day)) {
        out.put(day, new Day(Mode.WINDOWS, windows.get(day)));
      } else {
        out.put(day, Day.CLOSED);
      }
    }
    return out;
  }

  /**
   * The schedule the grid shows, or null with each problem on its field: "hours" plus the day's
   * name for a bad window, {@link #AROUND_THE_CLOCK} for a week closed every day (the rules read a
   * week without hours as open around the clock, so it cannot mean "never").
   */
  static Schedule schedule(
      String zone,
      boolean aroundTheClock,
      Map<DayOfWeek, Day> days,
      Set<LocalDate> holidays,
      Problems p) {
    Map<String, Set<DayOfWeek>> byWindow = new LinkedHashMap<>();
    if (!aroundTheClock) {
      for (DayOfWeek day : DayOfWeek.values()) {
        Day d = days.getOrDefault(day, Day.CLOSED);
        String key = "hours" + day.name();
        switch (d.mode()) {
          case CLOSED -> {}
          case ALL_DAY -> add(byWindow, "00:00-00:00", day);
          case WINDOWS -> {
            if (d.windows().isEmpty()) {
              p.add(key, "an open day needs a window such as 09:00-17:00, or choose Closed");
            }
            for (Window w : d.windows()) {
              if (w.from() == null || w.to() == null) {
                p.add(key, WINDOW_WORDS + "; a window needs both a start and an end");
              } else if (w.from().equals(w.to())) {
                p.add(
                    key,
                    WINDOW_WORDS
                        + "; got "
                        + w.from()
                        + "-"
                        + w.to()
                        + ": for the whole day choose Open 24 hours");
              } else {
                add(byWindow, w.from() + "-" + w.to(), day);
              }
            }
          }
        }
      }
      if (byWindow.isEmpty() && p.isEmpty()) {
        p.add(
            AROUND_THE_CLOCK,
            "a target closed every day would take no calls: open at least one day, or tick"
                + " around the clock");
      }
    }
    List<Schedule.OpenHours> open = new ArrayList<>();
    byWindow.forEach(
        (w, ds) -> {
          String[] ends = w.split("-");
          open.add(new Schedule.OpenHours(ds, LocalTime.parse(ends[0]), LocalTime.parse(ends[1])));
        });
    if (!p.isEmpty()) {
      return null;
    }
    return p.check("timezone", () -> new Schedule(zone, open, new TreeSet<>(holidays)))
        .orElse(null);
  }

  private static void add(Map<String, Set<DayOfWeek>> byWindow, String window, DayOfWeek day) {
    byWindow.computeIfAbsent(window, x -> EnumSet.noneOf(DayOfWeek.class)).add(day);
  }

  /**
   * What a day's 24-hour bar shows: its own windows (to midnight for one that runs past it) and the
   * part after midnight of the previous day's late windows.
   */
  static List<Segment> segments(Map<DayOfWeek, Day> days, boolean aroundTheClock, DayOfWeek day) {
    List<Segment> out = new ArrayList<>();
    if (aroundTheClock) {
      out.add(new Segment(0, 1440, false));
      return out;
    }
    Day yesterday = days.getOrDefault(day.minus(1), Day.CLOSED);
    if (yesterday.mode() == Mode.WINDOWS) {
      for (Window w : yesterday.windows()) {
        if (complete(w) && w.to().isBefore(w.from()) && !w.to().equals(LocalTime.MIDNIGHT)) {
          out.add(new Segment(0, minutes(w.to()), true));
        }
      }
    }
    Day today = days.getOrDefault(day, Day.CLOSED);
    if (today.mode() == Mode.ALL_DAY) {
      out.add(new Segment(0, 1440, false));
    } else if (today.mode() == Mode.WINDOWS) {
      for (Window w : today.windows()) {
        if (complete(w) && !w.from().equals(w.to())) {
          int end = w.to().isAfter(w.from()) ? minutes(w.to()) : 1440;
          out.add(new Segment(minutes(w.from()), end, false));
        }
      }
    }
    return out;
  }

  private static boolean complete(Window w) {
    return w.from() != null && w.to() != null;
  }

  private static int minutes(LocalTime t) {
    return t.getHour() * 60 + t.getMinute();
  }
}
