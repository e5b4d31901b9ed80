package org.ringtree.editor.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ScreensTest {

  @Test
  void aZoneTheBrowserCannotNameIsUtc() {
    assertThat(Screens.zoneOrUtc("America/Chicago")).isEqualTo(ZoneId.of("America/Chicago"));
    assertThat(Screens.zoneOrUtc(null)).isEqualTo(Screens.UTC);
    assertThat(Screens.zoneOrUtc(" ")).isEqualTo(Screens.UTC);
    assertThat(Screens.zoneOrUtc("Mars/Olympus")).isEqualTo(Screens.UTC);
  }

  @Test
  void timesDurationsAndFlagsReadTheSameOnEveryScreen() {
    Instant at = Instant.parse("2026-12-06T15:04:05Z");
    assertThat(Screens.when(at, ZoneId.of("America/Chicago"))).isEqualTo("2026-12-06 09:04:05");
    assertThat(Screens.when(null, Screens.UTC)).isEmpty();
    assertThat(Screens.seconds(95)).isEqualTo("1:35");
    assertThat(Screens.seconds(5)).isEqualTo("0:05");
    assertThat(Screens.seconds(null)).isEmpty();
    assertThat(Screens.yesNo(true)).isEqualTo("yes");
    assertThat(Screens.yesNo(false)).isEqualTo("no");
    assertThat(Screens.yesNo(null)).isEmpty();
    assertThat(Screens.note("Hidden by the operator").getText())
        .isEqualTo("Hidden by the operator");
  }
}
