package org.ringtree.runtime.score;

import java.time.Instant;

/**
 * A promotion asked for while approval is required: pending until someone other than who asked
 * applies it (the model is promoted then) or rejects it.
 */
public record ModelPromotion(
    long id,
    long modelId,
    String modelName,
    boolean rollback,
    State state,
    String requestedBy,
    Instant requestedAt,
    String reason,
    String decidedBy,
    Instant decidedAt,
    String note) {

  public enum State {
    PENDING,
    APPLIED,
    REJECTED
  }
}
