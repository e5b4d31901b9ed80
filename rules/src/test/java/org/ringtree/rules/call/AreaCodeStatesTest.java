package org.ringtree.rules.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A caller's area code gives the state when the carrier sends none. */
class AreaCodeStatesTest {

  @Test
  void aUsNumberGivesTheStateOfItsAreaCode() {
    assertThat(AreaCodeStates.state("+15125550199")).contains("TX");
    assertThat(AreaCodeStates.state("+13105550001")).contains("CA");
    assertThat(AreaCodeStates.state("+12125550100")).contains("NY");
  }

  @Test
  void aNumberOutsideTheUsOrNoNumberGivesNoState() {
    assertThat(AreaCodeStates.state("+14165550100")).isEmpty(); // Toronto
    assertThat(AreaCodeStates.state("+442071838750")).isEmpty();
    assertThat(AreaCodeStates.state("anonymous")).isEmpty();
    assertThat(AreaCodeStates.state(null)).isEmpty();
  }
}
