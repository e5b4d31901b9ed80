package org.ringtree.runtime.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A version made live is built by the listener as the NOTIFY arrives, before any call asks. */
class PublishedFlowListenerTest extends RunningPlatformTest {

  @Autowired FlowStore flows;
  @Autowired FlowRuntimes runtimes;
  @Autowired DirectoryStore directory;

  @Test
  void aNewlyLiveVersionIsBuiltWithoutACallAskingForIt() throws InterruptedException {
    FlowStore.StoredVersion live = flows.byId(flows.liveVersionIds().iterator().next()).get();
    FlowDocument d = live.compiled().flow();
    FlowStore.StoredVersion next =
        flows.saveVersion(
            new FlowDocument(
                d.schemaVersion(), d.id(), "renamed", d.campaignId(), d.nodes(), d.edges()),
            directory.snapshot(Set.of("do-not-call")),
            "test");
    assertThat(runtimes.isBuilt(next.id())).isFalse();

    flows.makeLive(next.flowId(), next.id());

    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!runtimes.isBuilt(next.id()) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(runtimes.isBuilt(next.id())).as("built by the listener").isTrue();
  }
}
