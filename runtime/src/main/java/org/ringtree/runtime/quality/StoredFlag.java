package org.ringtree.runtime.quality;

import java.time.Instant;
import org.ringtree.rules.quality.QualityFlag;

/**
 * A flag as kept between runs: the publisher, source and test, where a person left it, the run that
 * first raised it and the newest run that raised it again, and the newest evidence (its counts
 * against the rest of the network, the one-sided p-value and the sentence).
 */
public record StoredFlag(
    long id,
    String publisherId,
    String source,
    QualityFlag.Kind kind,
    State state,
    long firstRunId,
    long lastRunId,
    Instant raisedAt,
    Instant updatedAt,
    int hits,
    int calls,
    int baselineHits,
    int baselineCalls,
    double baselineRate,
    double pValue,
    String evidence,
    String decidedBy,
    Instant decidedAt,
    String reason) {

  /** Where a flag stands. */
  public enum State {
    /** Raised, nobody has looked yet. */
    OPEN,
    /** A person has seen it and keeps it on the screen. */
    ACKNOWLEDGED,
    /** A person judged it not worth acting on; hidden while the runs keep raising it. */
    DISMISSED,
    /** The newest run no longer raised it; raised later, it is a new flag and a new alert. */
    CLEARED
  }

  public double rate() {
    return calls == 0 ? 0 : (double) hits / calls;
  }
}
