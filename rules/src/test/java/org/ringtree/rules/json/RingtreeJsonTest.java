package org.ringtree.rules.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.money.Money;

/** The one JSON writer: what every module stores or sends as JSON text. */
class RingtreeJsonTest {

  @Test
  void writesCompactJsonWithSortedKeysAndEscapedText() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", 429);
    m.put("message", "say \"no\" \\ twice\n");

    assertThat(RingtreeJson.write(m))
        .isEqualTo("{\"message\":\"say \\\"no\\\" \\\\ twice\\n\",\"status\":429}");
  }

  @Test
  void nothingStaysNothingRatherThanTheTextNull() {
    assertThat(RingtreeJson.write(null)).isNull();
  }

  @Test
  void recordsAreWrittenByTheirComponentsOnly() {
    assertThat(RingtreeJson.write(Money.usd("2.50")))
        .isEqualTo("{\"amount\":2.50,\"currency\":\"USD\"}");
  }

  @Test
  void prettyTextIsIndentedAndEndsWithANewline() {
    assertThat(RingtreeJson.writePretty(Map.of("b", 1, "a", 2)))
        .isEqualTo("{\n  \"a\" : 2,\n  \"b\" : 1\n}\n");
  }

  @Test
  void aValueJacksonCannotWriteIsRefusedWithItsType() {
    // a bean without properties is refused by Jackson (FAIL_ON_EMPTY_BEANS)
    assertThatThrownBy(() -> RingtreeJson.write(new Object()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot write Object as JSON");
  }
}
