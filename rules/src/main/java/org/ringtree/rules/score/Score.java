package org.ringtree.rules.score;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A call's quality score, 0 (junk) to 100 (best), before it is routed: the value, the base it
 * starts from, who scored it ({@code model} names the prior's or the learned model's version), the
 * learned model's probability of the label when a model scored it, the top reasons in points, and a
 * note when the prior stood in for a model that is missing or failed.
 */
public record Score(
    int value,
    int base,
    Source source,
    String model,
    OptionalDouble probability,
    List<ScoreReason> reasons,
    String note) {

  public enum Source {
    PRIOR,
    MODEL
  }

  public Score {
    if (value < 0 || value > 100 || base < 0 || base > 100) {
      throw new IllegalArgumentException(
          "a score is 0..100, not " + value + " (base " + base + ")");
    }
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(model, "model");
    probability = probability == null ? OptionalDouble.empty() : probability;
    reasons = List.copyOf(reasons);
    note = note == null ? "" : note;
  }

  public Score withNote(String n) {
    return new Score(value, base, source, model, probability, reasons, n);
  }

  /** The trace line: "score 41 (model m7): caller called 4 times in 24 h: −18; …". */
  public String shown() {
    StringBuilder b =
        new StringBuilder("score ").append(value).append(" (").append(model).append(")");
    if (!reasons.isEmpty()) {
      b.append(": ");
      for (int i = 0; i < reasons.size(); i++) {
        b.append(i == 0 ? "" : "; ").append(reasons.get(i));
      }
    }
    if (!note.isEmpty()) {
      b.append(" [").append(note).append("]");
    }
    return b.toString();
  }
}
