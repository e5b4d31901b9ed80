package org.ringtree.runtime.live;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.LiveSettings;
import org.ringtree.runtime.call.CallStore;
import org.ringtree.runtime.call.LiveCallStore;
import org.ringtree.runtime.database.PgNotifications;
import org.ringtree.runtime.directory.LiveDirectory;
import org.ringtree.runtime.routing.CapacityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The calls in progress on the whole network, kept on each node from the call-state NOTIFY that
 * {@link CallStore} sends at every commit: each notification re-reads only that call, and one batch
 * of notifications makes one new {@link Snapshot} for every open live view on this node. Nothing is
 * read while no view is open.
 */
@Component
public class LiveCalls implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LiveCalls.class);
  private static final int MAX_CALLS = 5_000;

  /** One party (a target or a buyer) with its legs ringing or talking now, and its cap. */
  public record Load(String kind, String id, String name, int current, Integer cap) {}

  /** Every call in progress (oldest first) and the load of each party with a call now. */
  public record Snapshot(List<LiveCallStore.LiveCallRow> calls, List<Load> loads, Instant at) {
    public static final Snapshot EMPTY = new Snapshot(List.of(), List.of(), Instant.EPOCH);
  }

  private final LiveCallStore calls;
  private final CapacityStore capacity;
  private final LiveDirectory directory;
  private final Clock clock;
  private final Duration maxAge;
  private final List<Consumer<Snapshot>> viewers = new CopyOnWriteArrayList<>();
  private final Map<UUID, LiveCallStore.LiveCallRow> open = new ConcurrentHashMap<>();
  private final Set<UUID> changed = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean reloadAll = new AtomicBoolean(true);
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "live-calls");
            t.setDaemon(true);
            return t;
          });
  private volatile Snapshot last = Snapshot.EMPTY;

  LiveCalls(
      LiveCallStore calls,
      CapacityStore capacity,
      LiveDirectory directory,
      PgNotifications notifications,
      Clock clock,
      @Value("${ringtree.live.max-age:6h}") Duration maxAge) {
    this.calls = calls;
    this.capacity = capacity;
    this.directory = directory;
    this.clock = clock;
    this.maxAge = maxAge;
    notifications.subscribe(CallStore.CALL_CHANNEL, this::notified);
  }

  /**
   * Starts telling {@code viewer} each new snapshot (on a worker thread) and returns the current
   * one; the first viewer makes this node read every open call.
   */
  public Snapshot watch(Consumer<Snapshot> viewer) {
    viewers.add(viewer);
    if (viewers.size() == 1) {
      reloadAll.set(true);
      return refresh();
    }
    return last;
  }

  public void unwatch(Consumer<Snapshot> viewer) {
    viewers.remove(viewer);
  }

  private void notified(String payload) {
    if (viewers.isEmpty()) {
      reloadAll.set(true); // nobody watches: read everything again when someone does
      return;
    }
    if (payload == null) {
      reloadAll.set(true);
    } else {
      try {
        changed.add(UUID.fromString(payload));
      } catch (IllegalArgumentException e) {
        log.warn("Ignoring a call-state notification that is not a call id: {}", payload);
        return;
      }
    }
    if (scheduled.compareAndSet(false, true)) {
      worker.execute(
          () -> {
            scheduled.set(false);
            try {
              Snapshot s = refresh();
              viewers.forEach(v -> v.accept(s));
            } catch (RuntimeException e) {
              log.warn("Could not refresh the calls in progress: {}", e.getMessage());
              reloadAll.set(true);
            }
          });
    }
  }

  private synchronized Snapshot refresh() {
    Instant now = clock.instant();
    if (reloadAll.getAndSet(false)) {
      changed.clear();
      open.clear();
      calls.inProgress(now.minus(maxAge), MAX_CALLS).forEach(c -> open.put(c.id(), c));
    } else {
      List<UUID> ids = new ArrayList<>(changed);
      changed.removeAll(ids);
      for (UUID id : ids) {
        calls
            .liveCall(id)
            .ifPresentOrElse(
                c -> {
                  if (c.endedAt() == null) {
                    open.put(id, c);
                  } else {
                    open.remove(id);
                  }
                },
                () -> open.remove(id));
      }
    }
    List<LiveCallStore.LiveCallRow> list =
        open.values().stream()
            .filter(c -> c.startedAt().isAfter(now.minus(maxAge)))
            .sorted(Comparator.comparing(LiveCallStore.LiveCallRow::startedAt))
            .toList();
    Snapshot s = new Snapshot(list, loads(), now);
    last = s;
    return s;
  }

  /** Each target's and buyer's legs now against its live concurrency cap. */
  private List<Load> loads() {
    LiveSettings live = directory.current();
    Map<String, Load> buyers = new LinkedHashMap<>();
    List<Load> out = new ArrayList<>();
    for (CapacityStore.OpenLegs l : capacity.openLegs()) {
      out.add(
          new Load(
              "target",
              l.targetId(),
              l.targetName() == null ? l.targetId() : l.targetName(),
              l.legs(),
              concurrency(live.targets().get(l.targetId()))));
      if (l.buyerId() != null) {
        buyers.merge(
            l.buyerId(),
            new Load(
                "buyer",
                l.buyerId(),
                l.buyerName() == null ? l.buyerId() : l.buyerName(),
                l.legs(),
                concurrency(live.buyers().get(l.buyerId()))),
            (a, b) -> new Load(a.kind(), a.id(), a.name(), a.current() + b.current(), a.cap()));
      }
    }
    List<Load> all = new ArrayList<>(buyers.values());
    all.addAll(out);
    return List.copyOf(all);
  }

  private static Integer concurrency(LiveSettings.Setting s) {
    Caps caps = s == null ? null : s.caps();
    return caps == null ? null : caps.concurrency();
  }

  @Override
  public void destroy() {
    worker.shutdownNow();
  }
}
