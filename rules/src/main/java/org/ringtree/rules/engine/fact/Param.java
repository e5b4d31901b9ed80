package org.ringtree.rules.engine.fact;

import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.Schedule;

/**
 * The operator's values for one condition clause or target tag filter, as data. {@code id} is what
 * the generated rule selects it by ("c1#0", or "r1#t:acme#0" for a target filter).
 */
public record Param(
    String id,
    String ownerId,
    String key,
    Comparison op,
    String value,
    Set<String> values,
    BigDecimal number,
    Pattern pattern,
    Schedule schedule,
    long windowSeconds,
    DuplicateRule.Basis basis,
    String routeNodeId) {

  /** Full-string regex match. Patterns were length-checked and compiled at validation. */
  public boolean matches(String s) {
    if (pattern == null || s == null) {
      return false;
    }
    try {
      return pattern.matcher(new BoundedCharSequence(s)).matches();
    } catch (IllegalStateException budgetExceeded) {
      // A pattern that backtracks without end is treated as not matching.
      return false;
    }
  }

  public int compare(BigDecimal n) {
    return n.compareTo(number);
  }

  public long count() {
    return number == null ? 0 : number.longValue();
  }

  /**
   * A CharSequence that gives up after a fixed number of reads, so a pathological pattern cannot
   * hold a call hostage (catastrophic backtracking).
   */
  static final class BoundedCharSequence implements CharSequence {
    private final String s;
    private final int[] budget;

    BoundedCharSequence(String s) {
      this(s, new int[] {1_000_000});
    }

    private BoundedCharSequence(String s, int[] budget) {
      this.s = s;
      this.budget = budget;
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public char charAt(int index) {
      if (--budget[0] < 0) {
        throw new IllegalStateException("pattern evaluation budget exceeded");
      }
      return s.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return new BoundedCharSequence(s.substring(start, end), budget);
    }

    @Override
    public String toString() {
      return s;
    }
  }
}
