package org.ringtree.editor.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.directory.WeekPlan.Day;
import org.ringtree.editor.directory.WeekPlan.Mode;
import org.ringtree.editor.directory.WeekPlan.Segment;
import org.ringtree.editor.directory.WeekPlan.Window;
import org.ringtree.rules.directory.Schedule;

class WeekPlanTest {

  private static final Schedule WEEK =
      new Schedule(
          "America/Chicago",
          List.of(
              new Schedule.OpenHours(
                  EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                  LocalTime.of(9, 0),
                  LocalTime.of(17, 0)),
              new Schedule.OpenHours(
                  EnumSet.of(DayOfWeek.FRIDAY), LocalTime.of(22, 0), LocalTime.of(2, 0)),
              new Schedule.OpenHours(
                  EnumSet.of(DayOfWeek.SATURDAY), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)),
          Set.of(LocalDate.of(2026, 12, 25)));

  private static Window w(int from, int to) {
    return new Window(LocalTime.of(from, 0), LocalTime.of(to, 0));
  }

  @Test
  void aScheduleShowsAsDaysAndReadsBackEqual() {
    Map<DayOfWeek, Day> days = WeekPlan.days(WEEK);

    assertThat(days.get(DayOfWeek.MONDAY)).isEqualTo(Day.open(w(9, 17)));
    assertThat(days.get(DayOfWeek.FRIDAY)).isEqualTo(Day.open(w(9, 17), w(22, 2)));
    assertThat(days.get(DayOfWeek.SATURDAY)).isEqualTo(Day.ALL_DAY);
    assertThat(days.get(DayOfWeek.SUNDAY)).isEqualTo(Day.CLOSED);
    assertThat(WeekPlan.aroundTheClock(WEEK)).isFalse();

    Problems p = new Problems();
    Schedule back = WeekPlan.schedule("America/Chicago", false, days, WEEK.holidays(), p);

    assertThat(p.all()).isEmpty();
    assertThat(back).isEqualTo(WEEK);
  }

  @Test
  void aroundTheClockIsAScheduleWithoutHoursThatKeepsItsHolidays() {
    assertThat(WeekPlan.aroundTheClock(Schedule.ALWAYS)).isTrue();
    assertThat(WeekPlan.days(Schedule.ALWAYS).values()).containsOnly(Day.ALL_DAY);

    Problems p = new Problems();
    Schedule s =
        WeekPlan.schedule(
            "Europe/London", true, WeekPlan.days(WEEK), Set.of(LocalDate.of(2027, 1, 1)), p);

    assertThat(s.hours()).isEmpty();
    assertThat(s.holidays()).containsExactly(LocalDate.of(2027, 1, 1));
    assertThat(s.timezone()).isEqualTo("Europe/London");
  }

  @Test
  void everyBadWindowIsNamedOnItsDayAndNothingIsBuilt() {
    Map<DayOfWeek, Day> days = new EnumMap<>(DayOfWeek.class);
    days.put(DayOfWeek.MONDAY, Day.open(new Window(LocalTime.of(9, 0), null)));
    days.put(DayOfWeek.TUESDAY, Day.open(w(9, 9)));
    days.put(DayOfWeek.WEDNESDAY, new Day(Mode.WINDOWS, List.of()));
    days.put(DayOfWeek.THURSDAY, Day.open(w(9, 17)));
    Problems p = new Problems();

    assertThat(WeekPlan.schedule("UTC", false, days, Set.of(), p)).isNull();

    assertThat(p.of("hoursMONDAY")).hasValueSatisfying(m -> m.contains("both a start and an end"));
    assertThat(p.of("hoursTUESDAY")).hasValueSatisfying(m -> m.contains("Open 24 hours"));
    assertThat(p.of("hoursWEDNESDAY")).hasValueSatisfying(m -> m.contains("or choose Closed"));
    assertThat(p.has("hoursTHURSDAY")).isFalse();
  }

  @Test
  void aWeekClosedEveryDayIsRefusedRatherThanReadAsAroundTheClock() {
    Map<DayOfWeek, Day> closed = new EnumMap<>(DayOfWeek.class);
    Problems p = new Problems();

    assertThat(WeekPlan.schedule("UTC", false, closed, Set.of(), p)).isNull();
    assertThat(p.of(WeekPlan.AROUND_THE_CLOCK))
        .hasValueSatisfying(m -> m.contains("would take no calls"));
  }

  @Test
  void anUnknownTimeZoneIsRefusedWithTheRulesWords() {
    Problems p = new Problems();

    assertThat(WeekPlan.schedule("Mars/Olympus", true, Map.of(), Set.of(), p)).isNull();
    assertThat(p.has("timezone")).isTrue();
  }

  @Test
  void aLateWindowFillsItsDayToMidnightAndSpillsIntoTheNext() {
    Map<DayOfWeek, Day> days = WeekPlan.days(WEEK);

    assertThat(WeekPlan.segments(days, false, DayOfWeek.FRIDAY))
        .containsExactly(new Segment(540, 1020, false), new Segment(1320, 1440, false));
    assertThat(WeekPlan.segments(days, false, DayOfWeek.SATURDAY))
        .containsExactly(new Segment(0, 120, true), new Segment(0, 1440, false));
    assertThat(WeekPlan.segments(days, false, DayOfWeek.SUNDAY)).isEmpty();
    assertThat(WeekPlan.segments(days, true, DayOfWeek.SUNDAY))
        .containsExactly(new Segment(0, 1440, false));
  }
}
