package org.ringtree.editor.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.live.LiveCallsFeed.Load;
import org.ringtree.editor.live.LiveCallsFeed.Phase;

class LiveCallsViewTest {

  private static final Instant START = Instant.parse("2026-12-05T20:00:00Z");

  @Test
  void elapsedTimeReadsAsMinutesAndSecondsThenHours() {
    assertThat(LiveCallsView.elapsed(START, START.plusSeconds(65))).isEqualTo("1:05");
    assertThat(LiveCallsView.elapsed(START, START.plusSeconds(3725))).isEqualTo("1:02:05");
    // another node's clock a little ahead never shows a negative time
    assertThat(LiveCallsView.elapsed(START, START.minusSeconds(2))).isEqualTo("0:00");
  }

  @Test
  void aPartyWithoutAConcurrencyCapIsNeverFull() {
    assertThat(LiveCallsView.usage(new Load("buyer", "b", "B", 3, null))).isEqualTo("3 / no cap");
    assertThat(new Load("buyer", "b", "B", 3, null).full()).isFalse();
    assertThat(new Load("target", "t", "T", 2, 2).full()).isTrue();
  }

  @Test
  void thePhaseComesFromTheStatusAndWhatTheCallWaitsFor() {
    assertThat(Phase.of("in-ivr", "INPUT")).isEqualTo(Phase.IVR);
    assertThat(Phase.of("in-ivr", "CONNECTOR")).isEqualTo(Phase.ROUTING);
    assertThat(Phase.of("ringing-buyer", "ROUTE")).isEqualTo(Phase.RINGING);
    // the leg's answered event moved the call on: ringing and talking no longer look the same
    assertThat(Phase.of("connected", "ROUTE")).isEqualTo(Phase.CONNECTED);
    assertThat(Phase.of(null, null)).isEqualTo(Phase.IVR);
  }
}
