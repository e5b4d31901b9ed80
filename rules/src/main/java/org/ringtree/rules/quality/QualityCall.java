package org.ringtree.rules.quality;

import java.time.Instant;

/**
 * One ended call as quality monitoring sees it: where it came from (publisher and source: the
 * tracking number, or a source tag), its campaign and caller, when, how long the buyer held it, the
 * campaign's billable threshold then (0 when the campaign has none), and whether it converted.
 */
public record QualityCall(
    String publisherId,
    String source,
    String campaignId,
    String caller,
    Instant at,
    int durationSeconds,
    int billableSeconds,
    boolean converted) {

  public QualityCall {
    source = source == null ? "" : source;
  }
}
