package org.ringtree.runtime.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.TestDatabases;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two listeners standing for two runtime nodes, each with its own LISTEN connection: a NOTIFY
 * committed from a third connection reaches the subscribers of both, and one rolled back reaches
 * nobody.
 */
class PgNotificationsTest {

  private static final String CHANNEL = "ringtree_test_channel";

  @Test
  void aNotifyFromAnotherConnectionReachesTheSubscribersOfEveryNodeAndARollbackReachesNone()
      throws Exception {
    DriverManagerDataSource db =
        new DriverManagerDataSource(TestDatabases.create("notify"), TestDatabases.user(), "");
    PgNotifications nodeA = new PgNotifications(db);
    PgNotifications nodeB = new PgNotifications(db);
    BlockingQueue<String> heardA = new LinkedBlockingQueue<>();
    BlockingQueue<String> heardB = new LinkedBlockingQueue<>();
    CountDownLatch listening = new CountDownLatch(2);
    nodeA.subscribe(CHANNEL, p -> heard(p, heardA, listening));
    nodeB.subscribe(CHANNEL, p -> heard(p, heardB, listening));
    nodeA.start();
    nodeB.start();
    try {
      assertThat(listening.await(10, TimeUnit.SECONDS)).as("both nodes LISTEN").isTrue();

      try (Connection c = db.getConnection()) {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
          s.execute("SELECT pg_notify('" + CHANNEL + "', 'rolled-back')");
          c.rollback();
          s.execute("SELECT pg_notify('" + CHANNEL + "', 'call-42')");
          c.commit();
        }
      }

      assertThat(heardA.poll(5, TimeUnit.SECONDS)).isEqualTo("call-42");
      assertThat(heardB.poll(5, TimeUnit.SECONDS)).isEqualTo("call-42");
      assertThat(heardA.poll(500, TimeUnit.MILLISECONDS)).isNull();
    } finally {
      nodeA.stop();
      nodeB.stop();
    }
  }

  @Test
  void aChannelThatIsNotAPlainNameIsRefused() {
    PgNotifications node = new PgNotifications(new DriverManagerDataSource());
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> node.subscribe("x; DROP TABLE calls", p -> {}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a channel name");
  }

  private static void heard(String payload, BlockingQueue<String> into, CountDownLatch listening) {
    if (payload == null) {
      listening.countDown(); // LISTEN is in place
    } else {
      into.add(payload);
    }
  }
}
