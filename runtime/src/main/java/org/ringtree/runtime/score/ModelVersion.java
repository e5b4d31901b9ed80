package org.ringtree.runtime.score;

import java.time.Instant;
import java.util.List;
import org.ringtree.rules.score.ModelQuality;

/**
 * A trained score model as kept (docs/score.md, "Model versions"): what it learned from (the label,
 * the calls asked for and the first and last found, how many), the encoder and its feature groups,
 * the library, how it did on the calls held out of training, who trained it, and its state. The
 * model's bytes stay in the store.
 */
public record ModelVersion(
    long id,
    String name,
    ScoreTraining.Label label,
    boolean weightedByRevenue,
    Instant rangeFrom,
    Instant rangeTo,
    Instant dataFrom,
    Instant dataTo,
    int labelledRows,
    int trainingRows,
    int heldOutRows,
    int encoderVersion,
    List<String> features,
    String library,
    double baseRate,
    ModelQuality quality,
    long trainMillis,
    String trainedBy,
    Instant trainedAt,
    State state,
    String promotedBy,
    Instant promotedAt) {

  public ModelVersion {
    features = List.copyOf(features);
  }

  /** A candidate waits; one model at most is promoted; a model it replaced is retired. */
  public enum State {
    CANDIDATE,
    PROMOTED,
    RETIRED
  }

  /** One line for lists and the compliance review: name, label, data range, AUC. */
  public String shown() {
    return String.format(
        java.util.Locale.ROOT,
        "%s: %s calls from %s to %s (%d calls), AUC %.3f (95%% CI %.3f–%.3f)",
        name,
        label == ScoreTraining.Label.CONVERTED ? "converted" : "billable",
        dataFrom,
        dataTo,
        labelledRows,
        quality.auc(),
        quality.aucLow(),
        quality.aucHigh());
  }
}
