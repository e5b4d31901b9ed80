package org.ringtree.runtime.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.runtime.billing.BillingPolicies;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.flow.FlowRuntimes;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Built versions and billing tables nothing needs are dropped; what calls need stays. */
class CompiledArtifactEvictionTest extends RunningPlatformTest {

  @Autowired CompiledArtifactEviction eviction;
  @Autowired FlowRuntimes runtimes;
  @Autowired FlowStore flows;
  @Autowired DirectoryStore directory;
  @Autowired DecisionEngine engine;
  @Autowired BillingPolicies billing;
  @Autowired JdbcClient jdbc;

  private static org.ringtree.rules.flow.FlowDocument named(
      FlowStore.StoredVersion v, String name) {
    org.ringtree.rules.flow.FlowDocument d = v.compiled().flow();
    return new org.ringtree.rules.flow.FlowDocument(
        d.schemaVersion(), d.id(), name, d.campaignId(), d.nodes(), d.edges());
  }

  @Test
  void anIdleVersionNoCallNeedsIsDroppedAndTheLiveAndInProgressOnesStay() {
    driver().place(org.ringtree.tools.driver.CallScript.demo()); // builds the live version
    long live = flows.liveVersionIds().iterator().next();
    FlowStore.StoredVersion live0 = flows.byId(live).orElseThrow();
    FlowStore.StoredVersion idle =
        flows.saveVersion(
            named(live0, "idle draft"), directory.snapshot(Set.of("do-not-call")), "test");
    FlowStore.StoredVersion inCall =
        flows.saveVersion(
            named(live0, "draft in a call"), directory.snapshot(Set.of("do-not-call")), "test");
    runtimes.byId(idle.id());
    runtimes.byId(inCall.id());
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                + " caller_number, phase, started_at, flow_version_id) VALUES (?, ?,"
                + " '+18885550101', 'pi-accidents', 'sunrise-media', '+15125550199', 'IN_IVR',"
                + " now(), ?)")
        .params(UUID.randomUUID(), "CA-evict-" + UUID.randomUUID(), inCall.id())
        .update();
    assertThat(billing.compiledTables()).isPositive();

    int dropped = eviction.evict(Duration.ZERO);

    assertThat(dropped).isGreaterThanOrEqualTo(1);
    assertThat(runtimes.isBuilt(idle.id())).isFalse();
    assertThat(engine.isLoaded(idle.compiled().versionKey())).isFalse();
    assertThat(runtimes.isBuilt(live)).isTrue();
    assertThat(runtimes.isBuilt(inCall.id())).isTrue();
    assertThat(billing.compiledTables()).isZero();

    // asked for again, a dropped version is built again
    assertThat(runtimes.byId(idle.id()).id()).isEqualTo(idle.id());
    assertThat(engine.isLoaded(idle.compiled().versionKey())).isTrue();
  }
}
