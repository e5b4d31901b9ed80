package org.ringtree.editor.score;

import java.time.Instant;
import java.util.List;

/**
 * The score models as /api/score/models serves them. Refusals are thrown as {@link
 * ScoreModelsProblem} in the API's words; changes are made in the signed-in user's name.
 */
public interface ScoreModelsPort {

  /** The labels a model can learn, as the API names them. */
  List<String> LABELS = List.of("CONVERTED", "BILLABLE");

  /**
   * A trained version: what it learned from, its held-out figures (AUC with its 95 % interval, the
   * calibration error), whether it may be promoted and why in words, who trained and promoted it.
   */
  record Version(
      long id,
      String name,
      String state,
      String label,
      boolean weightedByRevenue,
      Instant dataFrom,
      Instant dataTo,
      int labelledRows,
      double auc,
      double aucLow,
      double aucHigh,
      double calibrationError,
      boolean promotable,
      List<String> verdict,
      String trainedBy,
      Instant trainedAt,
      String promotedBy,
      Instant promotedAt) {

    public Version {
      verdict = List.copyOf(verdict);
    }
  }

  /** A promotion asked for or applied, and its decision; {@code state} PENDING until decided. */
  record Promotion(
      long id,
      long modelId,
      String modelName,
      boolean rollback,
      String state,
      String requestedBy,
      Instant requestedAt,
      String reason,
      String decidedBy,
      Instant decidedAt,
      String note) {}

  /** What a promotion did: the model promoted now, or the request waiting for a second person. */
  record Outcome(Version promoted, Promotion request) {}

  /** Whether a promotion waits for someone other than who asked. */
  boolean approvalRequired();

  List<Version> versions();

  List<Promotion> promotions();

  /** Trains a candidate on the calls scored in the last {@code days} days. */
  Version train(String label, int days, boolean weightByRevenue);

  Outcome promote(long id, String reason);

  /** Promotes again the model promoted before the current one, at once. */
  Outcome rollback(String reason);

  Outcome approve(long requestId, String note);

  Promotion reject(long requestId, String note);
}
