package org.ringtree.runtime.flow;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ringtree.rules.compiler.VersionKey;
import org.ringtree.rules.engine.DecisionEngine;
import org.springframework.stereotype.Service;

/**
 * Which flow versions this node has built. The engine compiles each version's KieBase and DMN
 * runtime once, and its generated Camel routes are loaded into the Camel context ({@link
 * VersionRoutes}); a call keeps the version it started on, so a version published mid-call never
 * changes a call in progress. Versions that no live flow and no unsettled call uses, and that
 * nobody asked for in a while, are dropped ({@link #evictIdle}); asked for again, they are built
 * again.
 */
@Service
public class FlowRuntimes {

  private final DecisionEngine engine;
  private final FlowStore store;
  private final VersionRoutes routes;
  private final Map<VersionKey, FlowStore.StoredVersion> byKey = new ConcurrentHashMap<>();
  private final Map<Long, FlowStore.StoredVersion> byId = new ConcurrentHashMap<>();
  private final Map<Long, Long> lastUsedNanos = new ConcurrentHashMap<>();

  FlowRuntimes(DecisionEngine engine, FlowStore store, VersionRoutes routes) {
    this.engine = engine;
    this.store = store;
    this.routes = routes;
  }

  /** The live version of a campaign's flow, built and ready, if it has one. */
  public Optional<FlowStore.StoredVersion> liveForCampaign(String campaignId) {
    return store.liveVersionIdOfCampaign(campaignId).map(this::byId);
  }

  /** A version by its database id, built and ready. */
  public FlowStore.StoredVersion byId(long id) {
    FlowStore.StoredVersion known = byId.get(id);
    return used(
        known != null
            ? known
            : ensureLoaded(
                store
                    .byId(id)
                    .orElseThrow(() -> new IllegalStateException("no flow version " + id))));
  }

  /** A version by its key (what call state refers to), built and ready. */
  public FlowStore.StoredVersion version(VersionKey versionKey) {
    FlowStore.StoredVersion known = byKey.get(versionKey);
    if (known != null) {
      return used(known);
    }
    return used(
        ensureLoaded(
            store
                .byKey(versionKey)
                .orElseThrow(
                    () -> new IllegalStateException("unknown flow version " + versionKey))));
  }

  /**
   * Drops the built versions that are not in {@code inUse} (live, or named by an unsettled call)
   * and were not asked for during {@code idle}; returns how many.
   */
  public int evictIdle(Set<Long> inUse, Duration idle) {
    long now = System.nanoTime();
    int dropped = 0;
    for (FlowStore.StoredVersion v : byId.values()) {
      Long last = lastUsedNanos.get(v.id());
      if (inUse.contains(v.id()) || (last != null && now - last < idle.toNanos())) {
        continue;
      }
      byId.remove(v.id());
      byKey.remove(v.compiled().versionKey());
      lastUsedNanos.remove(v.id());
      engine.unload(v.compiled().versionKey());
      routes.unload(v.compiled());
      dropped++;
    }
    return dropped;
  }

  /** Whether this node holds the built version. */
  public boolean isBuilt(long id) {
    return byId.containsKey(id);
  }

  /**
   * Marks the version used; loading it into the engine again is a map hit while it is there, and
   * rebuilds it should it have been dropped a moment before.
   */
  private FlowStore.StoredVersion used(FlowStore.StoredVersion v) {
    lastUsedNanos.put(v.id(), System.nanoTime());
    engine.load(v.compiled());
    routes.load(v.compiled());
    return v;
  }

  private FlowStore.StoredVersion ensureLoaded(FlowStore.StoredVersion v) {
    return byKey.computeIfAbsent(
        v.compiled().versionKey(),
        key -> {
          engine.load(v.compiled());
          routes.load(v.compiled());
          byId.put(v.id(), v);
          return v;
        });
  }
}
