package org.ringtree.runtime.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PortalPartyTest {

  @Test
  void aRegionIsPassedToPostgresAsItIsAndZuluAsUtc() {
    assertThat(PortalParty.sqlZone(ZoneId.of("America/Los_Angeles")))
        .isEqualTo("America/Los_Angeles");
    assertThat(PortalParty.sqlZone(ZoneOffset.UTC)).isEqualTo("UTC");
  }

  @Test
  void aBareOffsetIsRefusedBecausePostgresWouldReadItsSignTheOtherWay() {
    assertThatThrownBy(() -> PortalParty.sqlZone(ZoneOffset.ofHours(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region");
  }
}
