package org.ringtree.rules.engine.fact;

import org.ringtree.rules.directory.DuplicateRule;

/** An earlier call from this caller, {@code ageSeconds} before this one arrived. */
public record PriorCallFact(
    long ageSeconds,
    String campaignId,
    String targetId,
    String buyerId,
    boolean connected,
    boolean converted) {

  /** Whether this earlier call counts under a duplicate/history basis. */
  public boolean counts(DuplicateRule.Basis basis) {
    return switch (basis) {
      case ANY_CALL -> true;
      case CONNECTED -> connected;
      case CONVERTED -> converted;
    };
  }
}
