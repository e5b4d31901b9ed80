package org.ringtree.runtime.call;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.ringtree.runtime.billing.BillingPolicies;
import org.ringtree.runtime.flow.FlowRuntimes;
import org.ringtree.runtime.flow.FlowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps a node's memory to what calls need: built flow versions (KieBase and DMN runtime) that no
 * live flow and no unsettled call uses, and compiled billing tables no settlement used lately, are
 * dropped after they have been idle a while. Anything dropped is built again when asked for.
 */
@Component
class CompiledArtifactEviction {

  private static final Logger log = LoggerFactory.getLogger(CompiledArtifactEviction.class);

  private final FlowRuntimes runtimes;
  private final FlowStore flows;
  private final UnsettledCallStore calls;
  private final BillingPolicies billing;
  private final Duration idle;

  CompiledArtifactEviction(
      FlowRuntimes runtimes,
      FlowStore flows,
      UnsettledCallStore calls,
      BillingPolicies billing,
      @Value("${ringtree.evict.idle-after:30m}") Duration idle) {
    this.runtimes = runtimes;
    this.flows = flows;
    this.calls = calls;
    this.billing = billing;
    this.idle = idle;
  }

  @Scheduled(fixedDelayString = "${ringtree.evict.every:5m}", initialDelay = 300_000)
  void scheduled() {
    evict(idle);
  }

  /** Drops what nothing needs and nobody used during {@code idleFor}; returns versions dropped. */
  int evict(Duration idleFor) {
    Set<Long> inUse = new HashSet<>(flows.liveVersionIds());
    inUse.addAll(calls.versionIdsOfUnsettledCalls());
    int versions = runtimes.evictIdle(inUse, idleFor);
    int tables = billing.evictTablesIdleFor(idleFor);
    if (versions + tables > 0) {
      log.info("Dropped {} idle flow versions and {} idle billing tables", versions, tables);
    }
    return versions;
  }
}
