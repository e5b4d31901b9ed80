package org.ringtree.editor.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.money.AdjustmentsPort.Mode;
import org.ringtree.editor.money.AdjustmentsPort.Party;

class AdjustmentDraftTest {

  static final ZoneId NY = ZoneId.of("America/New_York");

  static AdjustmentDraft draft(
      LocalDate from, LocalDate to, String sids, Mode mode, String amount, String reason) {
    return new AdjustmentDraft(
        from, to, NY, " pi-accidents ", "", null, sids, Party.PUBLISHER, mode, amount, reason);
  }

  @Test
  void aDateRangeIsWholeDaysInTheNetworksZoneBothEndsIncluded() {
    AdjustmentDraft.Checked c =
        draft(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 7), "", Mode.ADD, "-12.50", "x")
            .check();
    assertThat(c.problems()).isEmpty();
    assertThat(c.request().filter().from()).isEqualTo(Instant.parse("2026-11-01T04:00:00Z"));
    // Nov 8 starts after the end of daylight saving time in New York
    assertThat(c.request().filter().to()).isEqualTo(Instant.parse("2026-11-08T05:00:00Z"));
    assertThat(c.request().filter().campaign()).isEqualTo("pi-accidents");
    assertThat(c.request().filter().publisher()).isNull();
    assertThat(c.request().action().amount()).isEqualByComparingTo(new BigDecimal("-12.50"));
  }

  @Test
  void pastedSidsAreSplitOnAnySeparatorOnceEachAndNeedNoRange() {
    AdjustmentDraft.Checked c =
        draft(null, null, "CA1, CA2\nCA3 CA1;CA4\n", Mode.PERCENT, "-10", "rate cut").check();
    assertThat(c.ok()).isTrue();
    assertThat(c.request().filter().callSids()).containsExactly("CA1", "CA2", "CA3", "CA4");
    assertThat(c.request().filter().from()).isNull();
  }

  @Test
  void whatIsMissingIsSaidBeforeAnythingIsSent() {
    assertThat(draft(null, null, " ", Mode.ADD, "5", "r").check().problems())
        .containsExactly("Choose calls: a date range, or paste their call SIDs.");
    assertThat(draft(null, null, "CA1", Mode.ADD, "1.005", "r").check().problems())
        .containsExactly("Amounts are in cents: at most two decimals.");
    assertThat(draft(null, null, "CA1", Mode.ADD, "ten", "r").check().problems())
        .containsExactly("The amount \"ten\" is not a number.");
    assertThat(draft(null, null, "CA1", Mode.SET, "-1", "r").check().problems())
        .containsExactly("A total cannot be set below zero.");
    assertThat(draft(null, null, "CA1", Mode.ADD, "1", " ").check().problems())
        .containsExactly("Give a reason: both parties see it on their statements.");
    assertThat(
            draft(LocalDate.of(2026, 11, 7), LocalDate.of(2026, 11, 1), "", Mode.ADD, "1", "r")
                .check()
                .problems())
        .containsExactly("The range ends before it starts.");
    assertThat(draft(LocalDate.of(2026, 11, 7), null, "", Mode.ADD, "1", "r").check().ok())
        .isFalse();
  }
}
