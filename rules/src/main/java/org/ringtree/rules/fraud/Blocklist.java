package org.ringtree.rules.fraud;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A network's blocked callers: whole numbers looked up in a hash map (a bought list may hold
 * millions), prefixes and area codes scanned (they are few). The most specific entry wins the
 * explanation: a number before a prefix before an area code.
 */
public final class Blocklist {

  public static final Blocklist EMPTY = new Blocklist(List.of());

  private final Map<String, BlockEntry> numbers = new HashMap<>();
  private final List<BlockEntry> prefixes = new ArrayList<>();
  private final List<BlockEntry> areaCodes = new ArrayList<>();

  public Blocklist(List<BlockEntry> entries) {
    for (BlockEntry e : entries) {
      switch (e.kind()) {
        case NUMBER -> numbers.put(e.value(), e);
        case PREFIX -> prefixes.add(e);
        case AREA_CODE -> areaCodes.add(e);
      }
    }
    // the longest prefix is the most specific explanation
    prefixes.sort((a, b) -> Integer.compare(b.value().length(), a.value().length()));
  }

  public Optional<BlockEntry> match(String e164) {
    if (e164 == null) {
      return Optional.empty();
    }
    BlockEntry exact = numbers.get(e164);
    if (exact != null) {
      return Optional.of(exact);
    }
    for (BlockEntry p : prefixes) {
      if (p.catches(e164)) {
        return Optional.of(p);
      }
    }
    return areaCodes.stream().filter(a -> a.catches(e164)).findFirst();
  }

  public int size() {
    return numbers.size() + prefixes.size() + areaCodes.size();
  }
}
