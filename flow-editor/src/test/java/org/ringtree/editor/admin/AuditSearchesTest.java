package org.ringtree.editor.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AuditSearchesTest {

  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @Test
  void blankFiltersAreIgnoredAndTimesAreReadInTheViewersZone() {
    AuditSearches.Parsed parsed =
        AuditSearches.parse(
            " admin ",
            "user.",
            "",
            "  ",
            LocalDateTime.of(2026, 12, 1, 9, 0),
            LocalDateTime.of(2026, 12, 2, 9, 0),
            NEW_YORK);

    assertThat(parsed.problem()).isNull();
    assertThat(parsed.search())
        .isEqualTo(
            new AuditPort.Search(
                "admin",
                "user.",
                null,
                null,
                Instant.parse("2026-12-01T14:00:00Z"),
                Instant.parse("2026-12-02T14:00:00Z")));
  }

  @Test
  void anEmptyTimeRangeIsRefusedWithASentence() {
    LocalDateTime t = LocalDateTime.of(2026, 12, 1, 9, 0);
    assertThat(AuditSearches.parse(null, null, null, null, t, t, NEW_YORK).problem())
        .isEqualTo("\"Until\" must be later than \"From\"");
  }

  @Test
  void anUnknownBrowserZoneFallsBackToUtc() {
    assertThat(AuditSearches.zone("Mars/Olympus")).isEqualTo(ZoneId.of("UTC"));
    assertThat(AuditSearches.zone(null)).isEqualTo(ZoneId.of("UTC"));
  }
}
