package org.ringtree.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallPhaseTest {

  @Test
  void usersSeeThePhaseWhileTheCallIsOursAndTheProvidersStatusOnceItEnded() {
    assertThat(CallPhase.IN_IVR.shown("in-progress")).isEqualTo("in-ivr");
    assertThat(CallPhase.RINGING_BUYER.shown(null)).isEqualTo("ringing-buyer");
    assertThat(CallPhase.CONNECTED.shown("in-progress")).isEqualTo("connected");
    assertThat(CallPhase.ENDED.shown("no-answer")).isEqualTo("no-answer");
    assertThat(CallPhase.ENDED_WITHOUT_STATUS.shown(null)).isEqualTo("no-status");
  }

  @Test
  void aLabelNamesAPhaseUnlessItIsTheProvidersStatus() {
    for (CallPhase p : CallPhase.values()) {
      if (p.label() != null) {
        assertThat(CallPhase.labelled(p.label())).contains(p);
      }
    }
    assertThat(CallPhase.labelled("completed")).isEmpty();
    assertThat(CallPhase.labelled("IN_IVR")).isEmpty();
  }
}
