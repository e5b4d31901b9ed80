package org.ringtree.rules.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.fraud.BlockEntry.Kind;
import org.ringtree.rules.fraud.BlocklistCsv.LineProblem;

class BlocklistCsvTest {

  @Test
  void readsNumbersInTheFormsListsComeInWithNotesPrefixesAndAreaCodes() {
    String csv =
        """
        phone,source
        +15125550111,litigator list
        (512) 555-0122
        15125550133,"Smith, J."
        +1702555*,farm
        # a comment
        808

        """;

    BlocklistCsv.Result read = BlocklistCsv.read(csv);

    assertThat(read.ok()).isTrue();
    assertThat(read.entries())
        .containsExactly(
            new BlockEntry(Kind.NUMBER, "+15125550111", "litigator list"),
            new BlockEntry(Kind.NUMBER, "+15125550122", ""),
            new BlockEntry(Kind.NUMBER, "+15125550133", "Smith, J."),
            new BlockEntry(Kind.PREFIX, "+1702555", "farm"),
            new BlockEntry(Kind.AREA_CODE, "808", ""));
  }

  @Test
  void oneBadLineRefusesTheWholeFileNamingEachBadLine() {
    String csv = "+15125550111\nnot-a-number\n+15125550122\n0125550111\n112\n";

    BlocklistCsv.Result read = BlocklistCsv.read(csv);

    assertThat(read.ok()).isFalse();
    assertThat(read.entries()).isEmpty();
    assertThat(read.problems()).extracting(LineProblem::line).containsExactly(2, 4, 5);
    assertThat(read.problems().get(0).problem())
        .startsWith("expected an E.164 number (+15125550111)")
        .endsWith("not \"not-a-number\"");
  }

  @Test
  void aHeaderIsOnlySkippedOnTheFirstLine() {
    assertThat(BlocklistCsv.read("+15125550111\nphone\n").problems())
        .extracting(LineProblem::line)
        .isEqualTo(List.of(2));
  }
}
