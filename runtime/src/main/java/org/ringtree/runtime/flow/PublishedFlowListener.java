package org.ringtree.runtime.flow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds every live flow version at start-up, and each newly published one as soon as any node
 * publishes it (PostgreSQL LISTEN/NOTIFY), so no caller waits for a KieBase to compile. Calls stay
 * correct without it — versions also load on first use — this only takes the wait out.
 */
@Component
@Order(20)
class PublishedFlowListener implements ApplicationRunner, SmartLifecycle {

  static final String CHANNEL = "ringtree_flow_published";
  private static final Logger log = LoggerFactory.getLogger(PublishedFlowListener.class);

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final FlowRuntimes runtimes;
  private volatile boolean running;
  private Thread thread;

  PublishedFlowListener(DataSource dataSource, JdbcClient jdbc, FlowRuntimes runtimes) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.runtimes = runtimes;
  }

  @Override
  public void run(ApplicationArguments args) {
    warmLiveVersions();
  }

  private void warmLiveVersions() {
    for (String campaign :
        jdbc.sql("SELECT campaign_id FROM flows WHERE live_version_id IS NOT NULL")
            .query(String.class)
            .list()) {
      try {
        runtimes.liveForCampaign(campaign);
      } catch (RuntimeException e) {
        log.error("Could not build the live flow of campaign {}", campaign, e);
      }
    }
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::listen, "flow-publish-listener");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void listen() {
    while (running) {
      try (Connection c = dataSource.getConnection()) {
        try (Statement s = c.createStatement()) {
          s.execute("LISTEN " + CHANNEL);
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notes = pg.getNotifications(5_000);
          if (notes != null && notes.length > 0) {
            warmLiveVersions();
          }
        }
      } catch (SQLException e) {
        if (running) {
          log.warn("Flow publish listener lost its connection ({}); retrying", e.getMessage());
          sleepQuietly();
        }
      }
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
