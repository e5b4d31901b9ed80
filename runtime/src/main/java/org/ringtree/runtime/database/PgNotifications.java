package org.ringtree.runtime.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The node's one PostgreSQL LISTEN connection: every NOTIFY on a subscribed channel, from any node,
 * reaches this node's subscribers within a poll of {@link #POLL_MILLIS}. Subscribers run on the
 * listener thread, so they must be quick (swap a snapshot, hand work to their own executor).
 */
@Component
public class PgNotifications implements SmartLifecycle {

  /** How long one wait for notifications lasts before the thread looks at new subscriptions. */
  static final int POLL_MILLIS = 250;

  private static final Logger log = LoggerFactory.getLogger(PgNotifications.class);
  private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** Hears one channel. */
  @FunctionalInterface
  public interface Subscriber {
    /**
     * A NOTIFY arrived with its payload; {@code null} when the connection was (re)opened, so
     * notifications may have been missed and anything cached should be read again.
     */
    void notified(String payload);
  }

  private final DataSource dataSource;
  private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
  private final Set<String> listening = ConcurrentHashMap.newKeySet();
  private volatile boolean running;
  private Thread thread;

  PgNotifications(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Hears {@code channel} (a plain lower-case identifier) from now on, on this node. */
  public void subscribe(String channel, Subscriber subscriber) {
    if (!CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException("not a channel name: " + channel);
    }
    subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(subscriber);
  }

  public void unsubscribe(String channel, Subscriber subscriber) {
    List<Subscriber> list = subscribers.get(channel);
    if (list != null) {
      list.remove(subscriber);
    }
  }

  @Override
  public void start() {
    running = true;
    thread = new Thread(this::listen, "pg-notifications");
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
        c.setAutoCommit(true);
        listening.clear();
        PGConnection pg = c.unwrap(PGConnection.class);
        while (running) {
          for (String channel : subscribers.keySet()) {
            if (listening.add(channel)) {
              try (Statement s = c.createStatement()) {
                s.execute("LISTEN " + channel); // checked against CHANNEL when subscribed
              }
              tell(channel, null);
            }
          }
          PGNotification[] notes = pg.getNotifications(POLL_MILLIS);
          if (notes != null) {
            for (PGNotification n : notes) {
              tell(n.getName(), n.getParameter());
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          log.warn("The notification listener lost its connection ({}); retrying", e.getMessage());
          sleepQuietly();
        }
      }
    }
  }

  private void tell(String channel, String payload) {
    for (Subscriber s : subscribers.getOrDefault(channel, List.of())) {
      try {
        s.notified(payload);
      } catch (RuntimeException e) {
        log.error("A subscriber of {} failed on {}", channel, payload, e);
      }
    }
  }

  private static void sleepQuietly() {
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
