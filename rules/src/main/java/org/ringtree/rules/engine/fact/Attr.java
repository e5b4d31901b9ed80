package org.ringtree.rules.engine.fact;

import java.math.BigDecimal;

/**
 * One attribute of the call: "caller.state", "tag.source", "answer.zip"… {@code number} is set when
 * the value reads as a number, for numeric comparisons.
 */
public record Attr(String key, String value, BigDecimal number) {
  public static Attr of(String key, String value) {
    BigDecimal n = null;
    if (value != null && value.length() <= 40 && value.matches("-?[0-9]+(\\.[0-9]+)?")) {
      n = new BigDecimal(value);
    }
    return new Attr(key, value, n);
  }
}
