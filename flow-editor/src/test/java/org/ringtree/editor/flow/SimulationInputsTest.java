package org.ringtree.editor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationInputsTest {

  private static Map<String, String> check(
      Integer talk, String caller, String state, String zip, String inputs) {
    return SimulationInputs.check(talk, caller, state, zip, inputs, Map.of());
  }

  @Test
  void aPlausibleCallerIsAccepted() {
    assertThat(check(95, "+13105550142", "CA", "90210", "1, 90210, speech:yes, silence")).isEmpty();
    assertThat(check(0, " +13105550142 ", "", "", "")).isEmpty();
  }

  @Test
  void talkTimeIsRequiredAndBetweenZeroAndFourHours() {
    assertThat(check(null, "+13105550142", "CA", "90210", "")).containsKey("talk");
    assertThat(check(-1, "+13105550142", "CA", "90210", "")).containsKey("talk");
    assertThat(check(14_401, "+13105550142", "CA", "90210", "").get("talk"))
        .contains("0 to 14400 seconds");
    assertThat(check(14_400, "+13105550142", "CA", "90210", "")).isEmpty();
  }

  @Test
  void theCallerNumberMustBeE164() {
    assertThat(check(10, "", "CA", "90210", "")).containsKey("caller");
    assertThat(check(10, "3105550142", "CA", "90210", "").get("caller")).contains("E.164");
    assertThat(check(10, "+1 310 555 0142", "CA", "90210", "")).containsKey("caller");
    assertThat(check(10, "+0123456789", "CA", "90210", "")).containsKey("caller");
  }

  @Test
  void theStateIsAUspsCodeOrEmpty() {
    assertThat(check(10, "+13105550142", "ZZ", "90210", "").get("state")).contains("USPS");
    assertThat(check(10, "+13105550142", "California", "90210", "")).containsKey("state");
    assertThat(check(10, "+13105550142", "ca", "90210", "")).containsKey("state");
    assertThat(check(10, "+13105550142", "PR", "00901", "")).isEmpty();
  }

  @Test
  void theZipIsFiveDigitsOrEmpty() {
    assertThat(check(10, "+13105550142", "CA", "9021", "").get("zip")).contains("five digits");
    assertThat(check(10, "+13105550142", "CA", "90210-1234", "")).containsKey("zip");
    assertThat(check(10, "+13105550142", "CA", "ABCDE", "")).containsKey("zip");
  }

  @Test
  void keyPressesAreDigitsStarAndHash() {
    assertThat(check(10, "+13105550142", "CA", "90210", "1, two").get("inputs"))
        .contains("\"two\" is not a key press");
    assertThat(check(10, "+13105550142", "CA", "90210", "*, #, 0")).isEmpty();
  }

  @Test
  void aNegativeBidIsMarkedOnItsTarget() {
    Map<String, String> problems =
        SimulationInputs.check(
            10,
            "+13105550142",
            "CA",
            "90210",
            "",
            Map.of("t-1", new BigDecimal("-1"), "t-2", new BigDecimal("12.50")));
    assertThat(problems).containsOnlyKeys("bid:t-1");
  }
}
