package org.ringtree.runtime.quality;

import java.util.List;

/**
 * A publisher's calls in the window by score ({@code call_scores}): how many fell in each band of
 * {@link #BANDS} and the median score.
 */
public record ScoreBands(String publisherId, int calls, List<Integer> counts, int median) {

  /** The bands' names, in the order of {@link #counts}. */
  public static final List<String> BANDS = List.of("0-19", "20-39", "40-59", "60-79", "80-100");

  public ScoreBands {
    counts = List.copyOf(counts);
    if (counts.size() != BANDS.size()) {
      throw new IllegalArgumentException("one count per band");
    }
  }
}
