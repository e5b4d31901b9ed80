package org.ringtree.rules.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallerIdKindTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "+15125550111 | VALID",
        "+13105551909 | VALID",
        "5125550111   | VALID",
        "+18885550101 | TOLL_FREE",
        "+18005551234 | TOLL_FREE",
        "+18335551234 | TOLL_FREE",
        "anonymous    | ANONYMOUS",
        "Restricted   | ANONYMOUS",
        "+266696687   | ANONYMOUS",
        "''           | ANONYMOUS",
        "+10125550111 | INVALID",
        "+11125550111 | INVALID",
        "+1512555     | INVALID",
        "+1512555011199 | INVALID",
        "12ab         | INVALID"
      })
  void tellsRealNumbersFromWithheldTollFreeAndImpossibleOnes(String from, CallerIdKind kind) {
    assertThat(CallerIdKind.of(from)).isEqualTo(kind);
  }
}
