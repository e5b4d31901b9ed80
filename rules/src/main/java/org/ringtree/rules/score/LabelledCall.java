package org.ringtree.rules.score;

import java.time.Instant;
import java.util.Objects;

/**
 * A past call for training: its routing-time features, whether it turned out well (converted by
 * postback, or billable to the buyer: the caller of the trainer chooses), when it arrived (the
 * latest calls are held out to measure the model) and its weight (e.g. its revenue; 1 for equal).
 */
public record LabelledCall(ScoreFeatures features, boolean positive, Instant at, double weight) {

  public LabelledCall {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(at, "at");
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("a training weight is positive and finite, not " + weight);
    }
  }

  public LabelledCall(ScoreFeatures features, boolean positive, Instant at) {
    this(features, positive, at, 1.0);
  }
}
