package org.ringtree.editor.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExportProgressTest {

  @Test
  void showsLinesWrittenOutOfTheReportsLinesAsTheExportGoes() {
    List<ExportProgress.State> shown = new ArrayList<>();
    ExportProgress p = new ExportProgress(90_000, shown::add);
    p.started();
    p.written(2_000);
    p.written(2_000); // the same count again is not pushed again
    p.written(45_000);
    p.finished(90_000);
    assertThat(shown)
        .extracting(ExportProgress.State::label)
        .containsExactly(
            "Writing CSV: 0 of 90,000 lines (0 %)",
            "Writing CSV: 2,000 of 90,000 lines (2 %)",
            "Writing CSV: 45,000 of 90,000 lines (50 %)",
            "CSV ready: 90,000 lines written");
    assertThat(shown)
        .extracting(ExportProgress.State::fraction)
        .containsExactly(0.0, 2_000 / 90_000.0, 0.5, 1.0);
    assertThat(shown.get(3).done()).isTrue();
  }

  @Test
  void withoutAKnownSizeItCountsLinesAndNeverClaimsAFraction() {
    List<ExportProgress.State> shown = new ArrayList<>();
    ExportProgress p = new ExportProgress(0, shown::add);
    p.written(4_000);
    assertThat(shown.get(0).label()).isEqualTo("Writing CSV: 4,000 lines so far");
    assertThat(shown.get(0).fraction()).isZero();
    // more lines than the grid had (calls ended meanwhile): the bar stops at full
    ExportProgress over = new ExportProgress(10, shown::add);
    over.written(12);
    assertThat(shown.get(1).fraction()).isEqualTo(1.0);
  }
}
