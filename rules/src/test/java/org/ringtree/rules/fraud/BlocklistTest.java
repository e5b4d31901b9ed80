package org.ringtree.rules.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.fraud.BlockEntry.Kind;

class BlocklistTest {

  private final Blocklist list =
      new Blocklist(
          List.of(
              new BlockEntry(Kind.NUMBER, "+15125550111", "litigator list 2026-11"),
              new BlockEntry(Kind.PREFIX, "+1512", ""),
              new BlockEntry(Kind.PREFIX, "+1512555", "farm in Austin"),
              new BlockEntry(Kind.AREA_CODE, "702", "")));

  @Test
  void theMostSpecificEntryExplainsTheBlock() {
    assertThat(list.match("+15125550111").orElseThrow().shown())
        .isEqualTo("number +15125550111 (litigator list 2026-11)");
    assertThat(list.match("+15125550199").orElseThrow().shown())
        .isEqualTo("prefix +1512555… (farm in Austin)");
    assertThat(list.match("+15124440199").orElseThrow().shown()).isEqualTo("prefix +1512…");
    assertThat(list.match("+17025550100").orElseThrow().shown()).isEqualTo("area code 702");
  }

  @Test
  void othersPass() {
    assertThat(list.match("+13105551909")).isEmpty();
    assertThat(list.match(null)).isEmpty();
    // 702 as an exchange, not as the area code
    assertThat(list.match("+13107025550")).isEmpty();
  }

  @Test
  void entriesRefuseValuesOfTheWrongShapeSayingWhatIsExpected() {
    assertThatThrownBy(() -> new BlockEntry(Kind.NUMBER, "5125550111", ""))
        .hasMessage("a number is E.164, e.g. +15125550111, not \"5125550111\"");
    assertThatThrownBy(() -> new BlockEntry(Kind.AREA_CODE, "112", ""))
        .hasMessageStartingWith("an area code is three digits");
    assertThatThrownBy(() -> new BlockEntry(Kind.PREFIX, "1512", ""))
        .hasMessageStartingWith("a prefix is + and up to 14 digits");
  }

  @Test
  void aCountryWidePrefixIsMarkedForConfirmation() {
    assertThat(new BlockEntry(Kind.PREFIX, "+1", "").catchesACountry()).isTrue();
    assertThat(new BlockEntry(Kind.PREFIX, "+1512", "").catchesACountry()).isFalse();
    assertThat(new BlockEntry(Kind.NUMBER, "+15125550111", "").catchesACountry()).isFalse();
  }
}
