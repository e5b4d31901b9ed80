package org.ringtree.rules.score;

/**
 * One feature's share of a score: which feature group ({@code calls24h}, {@code publisher}, …), the
 * sentence the trace shows, and the points it moved the score from its base (negative lowers it).
 */
public record ScoreReason(String feature, String shown, int points) {

  /** "caller called 4 times in 24 h: −18". */
  @Override
  public String toString() {
    return shown + ": " + (points > 0 ? "+" : points < 0 ? "\u2212" : "") + Math.abs(points);
  }
}
