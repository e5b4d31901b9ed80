package org.ringtree.runtime.flow;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ringtree.runtime.database.PgNotifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Builds every live flow version at start-up, and each newly published one as soon as any node
 * publishes it (heard through the node's {@link PgNotifications} connection), so no caller waits
 * for a KieBase to compile. Calls stay correct without it — versions also load on first use — this
 * only takes the wait out.
 */
@Component
@Order(20)
class PublishedFlowListener implements ApplicationRunner, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PublishedFlowListener.class);

  private final FlowStore flows;
  private final FlowRuntimes runtimes;
  private final PgNotifications notifications;

  /**
   * Building a version takes seconds: it runs here, never on the notification thread, which other
   * features' updates (live settings, live calls) share.
   */
  private final ExecutorService builder =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "flow-publish-builder");
            t.setDaemon(true);
            return t;
          });

  /** A build is queued and has not started: a burst of publications is built once. */
  private final AtomicBoolean queued = new AtomicBoolean();

  PublishedFlowListener(FlowStore flows, FlowRuntimes runtimes, PgNotifications notifications) {
    this.flows = flows;
    this.runtimes = runtimes;
    this.notifications = notifications;
  }

  @Override
  public void run(ApplicationArguments args) {
    warmLiveVersions();
    // also told (null payload) when the connection was re-opened: a publication may have been
    // missed meanwhile, so the live versions are looked at again
    notifications.subscribe(FlowStore.PUBLISHED_CHANNEL, payload -> queueWarm());
  }

  private void queueWarm() {
    if (queued.compareAndSet(false, true)) {
      builder.execute(
          () -> {
            queued.set(false);
            warmLiveVersions();
          });
    }
  }

  private void warmLiveVersions() {
    for (String campaign : flows.campaignsWithALiveFlow()) {
      try {
        runtimes.liveForCampaign(campaign);
      } catch (RuntimeException e) {
        log.error("Could not build the live flow of campaign {}", campaign, e);
      }
    }
  }

  @Override
  public void destroy() {
    builder.shutdownNow();
  }
}
