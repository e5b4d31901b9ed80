package org.ringtree.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The call log's parameters read as the API and the console both read them. */
class CallLogQueryTest {

  @Test
  void datesAreWholeDaysInTheTimeZoneAcrossADaylightSavingChange() {
    // New York leaves daylight saving time on 2026-11-01: that day has 25 hours
    CallLogQuery q =
        CallLogQuery.parse(
            Map.of("from", "2026-11-01", "to", "2026-11-01", "tz", "America/New_York"));
    assertThat(q.filter().from()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    assertThat(q.filter().to()).isEqualTo(Instant.parse("2026-11-02T05:00:00Z"));
  }

  @Test
  void instantsKeepTheirOffsetAndDateTimesAreReadInTheZone() {
    CallLogQuery q =
        CallLogQuery.parse(
            Map.of(
                "from", "2026-12-05T09:00:00+01:00",
                "to", "2026-12-05T14:30",
                "tz", "America/Los_Angeles"));
    assertThat(q.filter().from()).isEqualTo(Instant.parse("2026-12-05T08:00:00Z"));
    assertThat(q.filter().to()).isEqualTo(Instant.parse("2026-12-05T22:30:00Z"));
  }

  @Test
  void blankValuesDoNotFilterAndDefaultsApply() {
    CallLogQuery q = CallLogQuery.parse(Map.of("campaign", " ", "status", ""));
    assertThat(q.filter()).isEqualTo(CallLogStore.Filter.ALL);
    assertThat(q.limit()).isEqualTo(CallLogQuery.DEFAULT_LIMIT);
    assertThat(q.cursor()).isNull();
  }

  @Test
  void statusesFlagsAndTheCursorRoundTrip() {
    CallLogStore.Cursor c =
        new CallLogStore.Cursor(Instant.parse("2026-12-05T10:11:12.123456Z"), UUID.randomUUID());
    CallLogQuery q =
        CallLogQuery.parse(
            Map.of(
                "status", "completed, no-answer",
                "billable", "false",
                "recording", "true",
                "qualified", "true",
                "converted", "false",
                "cursor", CallLogQuery.encode(c),
                "limit", "500"));
    assertThat(q.filter().statuses()).isEqualTo(List.of("completed", "no-answer"));
    assertThat(q.filter().billable()).isFalse();
    assertThat(q.filter().hasRecording()).isTrue();
    assertThat(q.filter().duplicate()).isNull();
    assertThat(q.filter().qualified()).isTrue();
    assertThat(q.filter().converted()).isFalse();
    assertThat(q.filter().connected()).isNull();
    assertThat(q.cursor()).isEqualTo(c);
    assertThat(q.limit()).isEqualTo(500);
  }

  @Test
  void aTamperedCursorIsRefusedByName() {
    assertThatThrownBy(() -> CallLogQuery.parse(Map.of("cursor", "bm90LWEtY3Vyc29y")))
        .isInstanceOfSatisfying(
            CallLogQuery.BadParameter.class, e -> assertThat(e.parameter()).isEqualTo("cursor"));
  }
}
