package org.ringtree.editor.reports;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * A CSV export's progress as the screen shows it: lines written so far out of the lines the report
 * holds. The export calls {@link #written} from its own thread as it goes; each call hands the new
 * state to {@code show}, which the view pushes to the browser. Plain Java, tested without a UI.
 */
public final class ExportProgress {

  /** What the progress indicator shows. {@code fraction} is in [0, 1]. */
  public record State(long written, long expected, double fraction, boolean done, String label) {}

  private final long expected;
  private final Consumer<State> show;
  private volatile long last = -1;

  /** {@code expected}: the report's line count (0: not known; the bar then shows no fraction). */
  public ExportProgress(long expected, Consumer<State> show) {
    this.expected = Math.max(0, expected);
    this.show = show;
  }

  /** The export started: nothing written yet. */
  public void started() {
    show.accept(state(0, false));
  }

  /** {@code lines} lines are written so far; repeats of the same count are not shown again. */
  public void written(long lines) {
    if (lines != last) {
      last = lines;
      show.accept(state(lines, false));
    }
  }

  /** The export ended after {@code lines} lines. */
  public void finished(long lines) {
    last = lines;
    show.accept(state(lines, true));
  }

  State state(long lines, boolean done) {
    double fraction =
        done ? 1.0 : expected == 0 ? 0.0 : Math.min(1.0, (double) lines / (double) expected);
    String label =
        done
            ? String.format(Locale.ROOT, "CSV ready: %,d lines written", lines)
            : expected == 0
                ? String.format(Locale.ROOT, "Writing CSV: %,d lines so far", lines)
                : String.format(
                    Locale.ROOT,
                    "Writing CSV: %,d of %,d lines (%d %%)",
                    lines,
                    expected,
                    Math.round(fraction * 100));
    return new State(lines, expected, fraction, done, label);
  }
}
