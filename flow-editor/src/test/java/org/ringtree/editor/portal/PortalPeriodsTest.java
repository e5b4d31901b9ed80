package org.ringtree.editor.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PortalPeriodsTest {

  static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  @Test
  void todayAndThisWeekAreTheBrowsersDayAndMondayToMonday() {
    // Wednesday 2026-12-02 23:30 in Los Angeles is already Thursday in UTC
    Instant now = Instant.parse("2026-12-03T07:30:00Z");

    var periods = PortalPeriods.overview(now, LA);

    assertThat(periods.get(0).name()).isEqualTo("Today");
    assertThat(periods.get(0).from()).isEqualTo(Instant.parse("2026-12-02T08:00:00Z"));
    assertThat(periods.get(0).to()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
    assertThat(periods.get(1).name()).isEqualTo("This week");
    assertThat(periods.get(1).from()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
    assertThat(periods.get(1).to()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
  }

  @Test
  void aDayAcrossTheClockChangeIsItsRealLength() {
    // 2026-11-01 in Los Angeles has 25 hours (back from daylight saving time)
    var day = PortalPeriods.days(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1), LA);

    assertThat(java.time.Duration.between(day.from(), day.to()).toHours()).isEqualTo(25);
  }

  @Test
  void aRangeWhoseLastDayIsBeforeItsFirstIsRefused() {
    assertThatThrownBy(
            () -> PortalPeriods.days(LocalDate.of(2026, 12, 2), LocalDate.of(2026, 12, 1), LA))
        .hasMessageContaining("before the first");
  }
}
