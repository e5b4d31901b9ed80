package org.ringtree.editor.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportQueryTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
  static final ReportQuery BASE = ReportQuery.defaults(NEW_YORK, LocalDate.parse("2026-12-06"));

  @Test
  void theDefaultIsPublishersByDayOverTheLastSevenDaysTodayIncluded() {
    assertThat(BASE.by()).isEqualTo(ReportsPort.GroupBy.PUBLISHER);
    assertThat(BASE.bucket()).isEqualTo(ReportsPort.Bucket.DAY);
    assertThat(BASE.from()).isEqualTo("2026-11-30");
    assertThat(BASE.to()).isEqualTo("2026-12-06");
  }

  @Test
  void theUrlHoldsTheWholeQuerySoALinkReopensTheSameView() {
    ReportQuery q =
        new ReportQuery(
            ReportsPort.GroupBy.TRACKING_NUMBER,
            ReportsPort.Bucket.HOUR,
            LocalDate.parse("2026-09-01"),
            LocalDate.parse("2026-11-29"),
            ZoneId.of("Asia/Kolkata"),
            "pi-accidents",
            "sunrise-media",
            null,
            "legal",
            "+18885550101");
    Map<String, List<String>> p = q.parameters();
    assertThat(p)
        .containsEntry("by", List.of("tracking_number"))
        .containsEntry("period", List.of("hour"))
        .containsEntry("tz", List.of("Asia/Kolkata"))
        .doesNotContainKey("buyer");
    assertThat(ReportQuery.fromParameters(p, BASE)).isEqualTo(q);
  }

  @Test
  void aReportBySourceTagOrForOneTargetRoundTripsThroughItsLink() {
    ReportQuery q =
        new ReportQuery(
            ReportsPort.GroupBy.SOURCE_TAG,
            ReportsPort.Bucket.WEEK,
            LocalDate.parse("2026-11-01"),
            LocalDate.parse("2026-11-30"),
            NEW_YORK,
            null,
            null,
            null,
            null,
            null,
            "bidder-one-rtb",
            "utm_source",
            "google");
    Map<String, List<String>> p = q.parameters();
    assertThat(p)
        .containsEntry("by", List.of("source_tag"))
        .containsEntry("target", List.of("bidder-one-rtb"))
        .containsEntry("tag", List.of("utm_source"))
        .containsEntry("tag_value", List.of("google"));
    assertThat(ReportQuery.fromParameters(p, BASE)).isEqualTo(q);
    // a link that groups by a source tag without naming it keeps the current grouping
    ReportQuery unnamed =
        ReportQuery.fromParameters(
            Map.of("by", List.of("source-tag"), "tag_value", List.of("google")), BASE);
    assertThat(unnamed.by()).isEqualTo(BASE.by());
    assertThat(unnamed.tagValue()).isNull();
    assertThatThrownBy(
            () ->
                new ReportQuery(
                    ReportsPort.GroupBy.SOURCE_TAG,
                    ReportsPort.Bucket.DAY,
                    BASE.from(),
                    BASE.to(),
                    NEW_YORK,
                    null,
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("source tag");
  }

  @Test
  void brokenOrMissingValuesFallBackToTheCurrentViewInsteadOfFailing() {
    ReportQuery q =
        ReportQuery.fromParameters(
            Map.of(
                "by", List.of("planet"),
                "period", List.of("week"),
                "tz", List.of("Mars/Olympus"),
                "from", List.of("yesterday"),
                "to", List.of("2026-12-01")),
            BASE);
    assertThat(q.by()).isEqualTo(BASE.by());
    assertThat(q.bucket()).isEqualTo(ReportsPort.Bucket.WEEK);
    assertThat(q.zone()).isEqualTo(NEW_YORK);
    assertThat(q.from()).isEqualTo(BASE.from());
    assertThat(q.to()).isEqualTo("2026-12-01");
    // a range that ends before it starts is not taken from a URL
    ReportQuery backwards =
        ReportQuery.fromParameters(
            Map.of("from", List.of("2026-12-05"), "to", List.of("2026-12-01")), BASE);
    assertThat(backwards.from()).isEqualTo(BASE.from());
    assertThat(backwards.to()).isEqualTo(BASE.to());
    assertThatThrownBy(
            () ->
                new ReportQuery(
                    BASE.by(),
                    BASE.bucket(),
                    LocalDate.parse("2026-12-05"),
                    LocalDate.parse("2026-12-01"),
                    NEW_YORK,
                    null,
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("first day");
  }

  @Test
  void theRangeRunsFromMidnightOfTheFirstDayToMidnightAfterTheLastInTheZone() {
    ReportQuery q =
        ReportQuery.fromParameters(
            Map.of(
                "from", List.of("2026-11-01"),
                "to", List.of("2026-11-01"),
                "tz", List.of("Asia/Kolkata")),
            BASE);
    // +05:30: the roll-up's quarter hours still line up with the zone's midnight
    assertThat(q.start()).isEqualTo(Instant.parse("2026-10-31T18:30:00Z"));
    assertThat(q.end()).isEqualTo(Instant.parse("2026-11-01T18:30:00Z"));
    // New York leaves daylight saving on 2026-11-01: that day is 25 hours long
    ReportQuery ny =
        ReportQuery.fromParameters(
            Map.of("from", List.of("2026-11-01"), "to", List.of("2026-11-01")), BASE);
    assertThat(java.time.Duration.between(ny.start(), ny.end()).toHours()).isEqualTo(25);
  }
}
