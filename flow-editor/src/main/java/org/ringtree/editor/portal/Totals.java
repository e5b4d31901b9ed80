package org.ringtree.editor.portal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Sums portal lines (payouts, spend) by one key — per campaign, per target, per day — exactly, and
 * apart per currency: two currencies are never added together.
 */
public final class Totals {

  /** The sum of the lines with one key in one currency. */
  public record Total(String key, long count, BigDecimal amount, String currency) {

    public String shown() {
      return PortalFigures.text(amount, currency);
    }
  }

  private Totals() {}

  public static <T> List<Total> by(
      List<T> lines,
      Function<T, String> key,
      ToLongFunction<T> count,
      Function<T, BigDecimal> amount,
      Function<T, String> currency) {
    Map<String, Map<String, BigDecimal>> sums = new TreeMap<>();
    Map<String, Map<String, Long>> counts = new TreeMap<>();
    for (T line : lines) {
      String k = key.apply(line);
      String c = currency.apply(line);
      sums.computeIfAbsent(k, x -> new TreeMap<>()).merge(c, amount.apply(line), BigDecimal::add);
      counts.computeIfAbsent(k, x -> new TreeMap<>()).merge(c, count.applyAsLong(line), Long::sum);
    }
    List<Total> out = new ArrayList<>();
    sums.forEach(
        (k, byCurrency) ->
            byCurrency.forEach((c, sum) -> out.add(new Total(k, counts.get(k).get(c), sum, c))));
    return out;
  }
}
