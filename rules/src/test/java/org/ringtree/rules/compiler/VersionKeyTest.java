package org.ringtree.rules.compiler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.json.RingtreeJson;

class VersionKeyTest {

  private static final String KEY = "0123456789abcdef";

  @Test
  void aCompiledVersionsKeyIsTheFirstSixteenHexDigitsOfTheSha256OfItsInputs() throws Exception {
    CompiledFlow c = Fixtures.demoCompiled();
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest((c.flowJson() + "\u0000" + c.directoryJson()).getBytes(StandardCharsets.UTF_8));
    assertThat(c.versionKey().value()).isEqualTo(HexFormat.of().formatHex(digest, 0, 8));
  }

  @Test
  void acceptsSixteenLowercaseHexDigitsAndPrintsAsTheBareKey() {
    VersionKey key = VersionKey.of(KEY);
    assertThat(key.value()).isEqualTo(KEY);
    assertThat(key).hasToString(KEY);
    assertThat("ringtree-" + key + "-crm").isEqualTo("ringtree-0123456789abcdef-crm");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0123456789abcde",
        "0123456789abcdef0",
        "0123456789ABCDEF",
        "0123456789abcdeg",
        " 0123456789abcdef",
        "0123456789abcdef\n",
        "12"
      })
  void refusesAnythingElse(String text) {
    assertThatThrownBy(() -> VersionKey.of(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a flow version key");
  }

  @Test
  void refusesNull() {
    assertThatThrownBy(() -> VersionKey.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void keysAreEqualByValueAndWorkAsMapKeys() {
    VersionKey a = VersionKey.of(KEY);
    VersionKey b = new VersionKey(new String(KEY.toCharArray()));
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(VersionKey.of("fedcba9876543210"));
    assertThat(Map.of(a, "v1")).containsEntry(b, "v1");
  }

  @Test
  void jsonHoldsTheBareStringBothWays() throws Exception {
    var mapper = RingtreeJson.mapper();
    assertThat(mapper.writeValueAsString(VersionKey.of(KEY))).isEqualTo("\"" + KEY + "\"");
    assertThat(mapper.readValue("\"" + KEY + "\"", VersionKey.class)).isEqualTo(VersionKey.of(KEY));
    assertThatThrownBy(() -> mapper.readValue("\"not-a-key\"", VersionKey.class))
        .isInstanceOf(JsonMappingException.class)
        .hasMessageContaining("not a flow version key");
  }

  @Test
  void aStoredCallStateKeepsItsVersionIdFieldAndReadsBack() throws Exception {
    CompiledFlow c = Fixtures.demoCompiled();
    DecisionEngine engine = new DecisionEngine();
    engine.load(c);
    CallState state = engine.start(c.versionKey(), Fixtures.texasCall()).state();

    JsonNode json = RingtreeJson.mapper().readTree(RingtreeJson.write(state));
    assertThat(json.get("versionId").asText()).isEqualTo(c.versionKey().value());
    assertThat(json.has("versionKey")).isFalse();
    CallState read = RingtreeJson.mapper().treeToValue(json, CallState.class);
    assertThat(read.versionKey()).isEqualTo(c.versionKey());
    assertThat(read.nodeId()).isEqualTo(state.nodeId());
    assertThat(read.waiting()).isEqualTo(state.waiting());
  }
}
