package org.ringtree.editor.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.dashboard.Periods.Kind;

class PeriodsTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void todayIsLocalMidnightToMidnightAndIsComparedWithYesterdayUpToTheSameClockTime() {
    // 14:07 in New York (UTC-5 in December)
    Periods.Window w = Periods.of(Kind.TODAY, Instant.parse("2026-12-09T19:07:00Z"), NEW_YORK);
    assertThat(w.current().from()).isEqualTo(Instant.parse("2026-12-09T05:00:00Z"));
    assertThat(w.current().to()).isEqualTo(Instant.parse("2026-12-10T05:00:00Z"));
    // rounded up to the roll-up's quarter hour
    assertThat(w.current().until()).isEqualTo(Instant.parse("2026-12-09T19:15:00Z"));
    assertThat(w.previous().from()).isEqualTo(Instant.parse("2026-12-08T05:00:00Z"));
    assertThat(w.previous().until()).isEqualTo(Instant.parse("2026-12-08T19:15:00Z"));
    assertThat(w.current().firstDay()).isEqualTo(LocalDate.of(2026, 12, 9));
    assertThat(w.current().lastDay()).isEqualTo(LocalDate.of(2026, 12, 9));
  }

  @Test
  void theDayClocksGoForwardHas23HoursAndYesterdayIsComparedWhole() {
    // 2026-03-08: New York springs forward at 02:00; it is 12:00 on the 9th
    Periods.Window w = Periods.of(Kind.YESTERDAY, Instant.parse("2026-03-09T16:00:00Z"), NEW_YORK);
    assertThat(Duration.between(w.current().from(), w.current().to())).hasHours(23);
    assertThat(w.current().until()).isEqualTo(w.current().to());
    assertThat(w.previous().from()).isEqualTo(Instant.parse("2026-03-07T05:00:00Z"));
    assertThat(w.previous().until()).isEqualTo(w.current().from());
  }

  @Test
  void theDayClocksGoBackHas25HoursAndTheSameClockTimeTheDayBefore() {
    // 2026-11-01: New York falls back at 02:00; it is 10:00 EST that day
    Periods.Window w = Periods.of(Kind.TODAY, Instant.parse("2026-11-01T15:00:00Z"), NEW_YORK);
    assertThat(Duration.between(w.current().from(), w.current().to())).hasHours(25);
    assertThat(w.current().from()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    // 10:00 on 31 October was still EDT (UTC-4)
    assertThat(w.previous().until()).isEqualTo(Instant.parse("2026-10-31T14:00:00Z"));
  }

  @Test
  void weeksStartOnMondayAndMonthsOnTheFirstInTheZone() {
    Instant now = Instant.parse("2026-12-03T02:00:00Z"); // still Wednesday 2 December in New York
    Periods.Window week = Periods.of(Kind.THIS_WEEK, now, NEW_YORK);
    assertThat(week.current().firstDay()).isEqualTo(LocalDate.of(2026, 11, 30));
    assertThat(week.current().lastDay()).isEqualTo(LocalDate.of(2026, 12, 6));
    assertThat(week.previous().firstDay()).isEqualTo(LocalDate.of(2026, 11, 23));
    Periods.Window month = Periods.of(Kind.THIS_MONTH, now, NEW_YORK);
    assertThat(month.current().from()).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
    assertThat(month.previous().from()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    assertThat(month.previous().lastDay()).isEqualTo(LocalDate.of(2026, 11, 30));
  }

  @Test
  void zonesWithQuarterHourOffsetsStartOnTheirOwnMidnight() {
    ZoneId kathmandu = ZoneId.of("Asia/Kathmandu"); // UTC+5:45
    Periods.Window w = Periods.of(Kind.TODAY, Instant.parse("2026-12-09T12:00:00Z"), kathmandu);
    assertThat(w.current().from()).isEqualTo(Instant.parse("2026-12-08T18:15:00Z"));
    assertThat(w.current().until()).isEqualTo(Instant.parse("2026-12-09T12:00:00Z"));
  }
}
