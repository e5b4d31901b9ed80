package org.ringtree.rules.quality;

/**
 * A test that found a publisher's source worse than the network: which publisher and source, which
 * test, the counts on both sides (its {@code hits} of {@code calls} against the network's {@code
 * baselineHits} of {@code baselineCalls}, or the expected rate for conversion), the one-sided
 * p-value, and the sentence the console and the alert show.
 */
public record QualityFlag(
    String publisherId,
    String source,
    Kind kind,
    int hits,
    int calls,
    int baselineHits,
    int baselineCalls,
    double baselineRate,
    double pValue,
    String evidence) {

  public enum Kind {
    /** Durations cluster just past the billable threshold (coached call farms). */
    THRESHOLD_CLUSTERING,
    /** More callers who called the network shortly before than the network sees. */
    REPEAT_CALLERS,
    /** Fewer conversions than the campaigns' rates predict. */
    LOW_CONVERSION
  }

  public double rate() {
    return calls == 0 ? 0 : (double) hits / calls;
  }
}
