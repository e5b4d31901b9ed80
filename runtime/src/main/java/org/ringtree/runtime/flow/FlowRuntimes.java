package org.ringtree.runtime.flow;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ringtree.rules.engine.DecisionEngine;
import org.springframework.stereotype.Service;

/**
 * Which flow versions this node has built. The engine compiles each version's KieBase and DMN
 * runtime once; a call keeps the version it started on, so a version published mid-call never
 * changes a call in progress.
 */
@Service
public class FlowRuntimes {

  private final DecisionEngine engine;
  private final FlowStore store;
  private final Map<String, FlowStore.StoredVersion> byKey = new ConcurrentHashMap<>();
  private final Map<Long, FlowStore.StoredVersion> byId = new ConcurrentHashMap<>();

  FlowRuntimes(DecisionEngine engine, FlowStore store) {
    this.engine = engine;
    this.store = store;
  }

  /** The live version of a campaign's flow, built and ready, if it has one. */
  public Optional<FlowStore.StoredVersion> liveForCampaign(String campaignId) {
    return store.liveVersionIdOfCampaign(campaignId).map(this::byId);
  }

  /** A version by its database id, built and ready. */
  public FlowStore.StoredVersion byId(long id) {
    FlowStore.StoredVersion known = byId.get(id);
    return known != null
        ? known
        : ensureLoaded(
            store.byId(id).orElseThrow(() -> new IllegalStateException("no flow version " + id)));
  }

  /** A version by its key (what call state refers to), built and ready. */
  public FlowStore.StoredVersion version(String versionKey) {
    FlowStore.StoredVersion known = byKey.get(versionKey);
    if (known != null) {
      return known;
    }
    return ensureLoaded(
        store
            .byKey(versionKey)
            .orElseThrow(() -> new IllegalStateException("unknown flow version " + versionKey)));
  }

  private FlowStore.StoredVersion ensureLoaded(FlowStore.StoredVersion v) {
    return byKey.computeIfAbsent(
        v.compiled().versionId(),
        key -> {
          engine.load(v.compiled());
          byId.put(v.id(), v);
          return v;
        });
  }
}
