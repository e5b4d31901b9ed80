package org.ringtree.editor.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCodecTest {

  @Test
  void listsAreTypedCommaSeparated() {
    assertThat(FieldCodec.list(" TX, CA ,, NV ")).containsExactly("TX", "CA", "NV");
    assertThat(FieldCodec.list(List.of("TX", "CA"))).isEqualTo("TX, CA");
    assertThat(FieldCodec.list((String) null)).isEmpty();
  }

  @Test
  void mapsAreTypedOneNameEqualsValuePerLine() {
    assertThat(FieldCodec.map("phone = caller.number\nnot a pair\n zip=answers.zip "))
        .containsExactly(Map.entry("phone", "caller.number"), Map.entry("zip", "answers.zip"));
    assertThat(FieldCodec.map(Map.of("a", "b"))).isEqualTo("a = b");
  }
}
