package org.ringtree.runtime.quality;

import java.time.Instant;
import java.util.List;

/**
 * One run of the quality tests: the window of calls it judged, who or what started it, how many
 * calls it read, how many flags it raised (and how many of them were new), and each publisher's
 * score bands in that window.
 */
public record QualityRun(
    long id,
    Instant startedAt,
    Instant windowFrom,
    Instant windowTo,
    Trigger trigger,
    String requestedBy,
    int calls,
    int flags,
    int newFlags,
    List<ScoreBands> scoreBands) {

  /** What started a run. */
  public enum Trigger {
    SCHEDULE,
    DEMAND
  }
}
