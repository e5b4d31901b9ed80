package org.ringtree.editor.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZipListTest {

  @Test
  void readsAColumnACommaListAndTabsWithoutRepeats() {
    ZipList.Result r = ZipList.parse("90210\n90211, 90212;90213\t90210\n\n 73301 \r\n");

    assertThat(r.ok()).isTrue();
    assertThat(r.zips()).containsExactly("90210", "90211", "90212", "90213", "73301");
  }

  @Test
  void aHeaderWithAZipColumnReadsOnlyThatColumn() {
    ZipList.Result r =
        ZipList.parse("\uFEFFcity,\"Zip Code\",state\nNew York,\"10001\",NY\nAustin,73301,TX\n");

    assertThat(r.problems()).isEmpty();
    assertThat(r.zips()).containsExactly("10001", "73301");
  }

  @Test
  void aHeaderWithoutAZipColumnIsSkippedAndTheRestRead() {
    ZipList.Result r = ZipList.parse("codes\n10001\n10002\n");

    assertThat(r.zips()).containsExactly("10001", "10002");
  }

  @Test
  void eachBadValueIsNamedWithItsLineInTheApisWords() {
    ZipList.Result r = ZipList.parse("90210\n2134\n90211-1234, 90212\n");

    assertThat(r.ok()).isFalse();
    assertThat(r.problems())
        .containsExactly(
            "line 2: a ZIP code is five digits such as 90210; got \"2134\"",
            "line 3: a ZIP code is five digits such as 90210; got \"90211-1234\"");
  }

  @Test
  void anEmptyFileHoldsNoCodes() {
    assertThat(ZipList.parse("").zips()).isEmpty();
    assertThat(ZipList.parse("").ok()).isTrue();
  }
}
