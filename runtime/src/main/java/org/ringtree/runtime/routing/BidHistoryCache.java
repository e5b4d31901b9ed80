package org.ringtree.runtime.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ringtree.rules.routing.BidHistory;
import org.springframework.stereotype.Component;

/**
 * Each RTB target's bid history for the early close, kept per target for {@code
 * ringtree.rtb.auction.history-cache} (default 10 s; 0 reads every time): reading 20 targets'
 * newest 1,000 pings costs milliseconds of database time per route node (docs/benchmarks.md, "Bid
 * history read"), while a history of up to 1,000 answers barely moves in a few seconds. A target
 * whose entry is older than that is read again, all such targets in one statement; a target without
 * pings is remembered as such for the same time. The look-back's start moves with the clock; an
 * entry read a few seconds earlier differs from a fresh read only by the pings of those seconds.
 */
@Component
class BidHistoryCache {

  private record Key(String targetId, int lastPings) {}

  /** What was read for one target (null: no pings in the look-back) and when. */
  private record Entry(BidHistory history, Instant readAt) {}

  private final RoutingHistoryStore store;
  private final Duration ttl;
  private final Clock clock;
  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  BidHistoryCache(RoutingHistoryStore store, AuctionCloseSettings settings, Clock clock) {
    this.store = store;
    this.ttl = settings.historyCache();
    this.clock = clock;
  }

  /** As {@link RoutingHistoryStore#bidHistory}, from entries younger than the setting. */
  Map<String, BidHistory> bidHistory(List<String> targetIds, Instant since, int lastPings) {
    if (ttl.isZero()) {
      return store.bidHistory(targetIds, since, lastPings);
    }
    Instant now = clock.instant();
    Map<String, BidHistory> out = new LinkedHashMap<>();
    List<String> stale = new ArrayList<>();
    for (String id : targetIds) {
      Entry e = entries.get(new Key(id, lastPings));
      if (e != null && now.isBefore(e.readAt().plus(ttl))) {
        if (e.history() != null) {
          out.put(id, e.history());
        }
      } else {
        stale.add(id);
      }
    }
    if (!stale.isEmpty()) {
      Map<String, BidHistory> read = store.bidHistory(stale, since, lastPings);
      for (String id : stale) {
        BidHistory h = read.get(id);
        entries.put(new Key(id, lastPings), new Entry(h, now));
        if (h != null) {
          out.put(id, h);
        }
      }
    }
    return out;
  }
}
