package org.ringtree.rules.score;

/**
 * Scores a call with the promoted model when there is one, else with the prior; a model that fails
 * on a call never stops it: the prior scores it and the note says why, for the trace.
 */
public final class Scoring {

  private Scoring() {}

  /** {@code model} is null when no model is promoted. */
  public static Score score(ScoreModel model, ScoreFeatures features) {
    if (model == null) {
      return ScorePrior.score(features).withNote("no model promoted: the prior scored this call");
    }
    try {
      return model.score(features);
    } catch (RuntimeException e) {
      return ScorePrior.score(features)
          .withNote(
              "model "
                  + model.about().name()
                  + " failed ("
                  + e.getClass().getSimpleName()
                  + "): the prior scored this call");
    }
  }
}
