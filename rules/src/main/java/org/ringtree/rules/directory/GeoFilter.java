package org.ringtree.rules.directory;

import java.util.Set;
import java.util.TreeSet;

/** Where a target takes calls from; an empty set means "anywhere" for that dimension. */
public record GeoFilter(Set<String> states, Set<String> zips, Set<String> areaCodes) {
  public static final GeoFilter ANYWHERE = new GeoFilter(Set.of(), Set.of(), Set.of());

  public GeoFilter {
    states =
        states == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(states));
    zips = zips == null ? Set.of() : java.util.Collections.unmodifiableSet(new TreeSet<>(zips));
    areaCodes =
        areaCodes == null
            ? Set.of()
            : java.util.Collections.unmodifiableSet(new TreeSet<>(areaCodes));
  }

  public static GeoFilter states(String... states) {
    return new GeoFilter(Set.of(states), Set.of(), Set.of());
  }
}
