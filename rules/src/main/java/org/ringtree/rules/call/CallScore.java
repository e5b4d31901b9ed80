package org.ringtree.rules.call;

/**
 * The call's quality score as it stands (0–100, docs/score.md), with what the arrival knew that a
 * later webhook needs to score the call again: Twilio's {@code StirVerstat} as sent (empty when
 * none came) and the count of other numbers sharing the caller's prefix from the same publisher in
 * the hour before. Flows read the value as the attribute {@code call.score}.
 */
public record CallScore(int value, String stir, int prefixNeighbours) {

  public CallScore {
    if (value < 0 || value > 100) {
      throw new IllegalArgumentException("a score is 0..100, not " + value);
    }
    stir = stir == null ? "" : stir;
    prefixNeighbours = Math.max(prefixNeighbours, 0);
  }

  public CallScore withValue(int v) {
    return new CallScore(v, stir, prefixNeighbours);
  }
}
