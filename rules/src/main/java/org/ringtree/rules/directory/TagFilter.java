package org.ringtree.rules.directory;

import java.util.List;
import java.util.Objects;

/**
 * A target accepts a call only if the call's tag {@code tag} satisfies the comparison. {@code
 * value} is used by single-valued comparisons, {@code values} by IN/NOT_IN.
 */
public record TagFilter(String tag, Comparison comparison, String value, List<String> values) {
  public TagFilter {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(comparison, "comparison");
    values = values == null ? List.of() : List.copyOf(values);
  }

  public static TagFilter equalTo(String tag, String value) {
    return new TagFilter(tag, Comparison.EQUALS, value, List.of());
  }
}
