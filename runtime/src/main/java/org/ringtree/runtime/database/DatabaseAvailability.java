package org.ringtree.runtime.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Whether the database is known to be unreachable. A webhook that found no connection says so;
 * until a probe reaches the database again, webhooks answer at once from what is kept in memory
 * (the campaign fallbacks) instead of each waiting for the pool's connection timeout. A caller then
 * hears the fallback within moments, not after 10 s of silence.
 */
@Component
public class DatabaseAvailability {

  private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration hold;
  private volatile Instant downUntil = Instant.MIN;

  @org.springframework.beans.factory.annotation.Autowired
  DatabaseAvailability(
      JdbcClient jdbc, @Value("${ringtree.database.down-hold:30s}") Duration hold) {
    this(jdbc, hold, Clock.systemUTC());
  }

  DatabaseAvailability(JdbcClient jdbc, Duration hold, Clock clock) {
    this.jdbc = jdbc;
    this.hold = hold;
    this.clock = clock;
  }

  /** Whether the database was found unreachable and no probe has reached it since. */
  public boolean knownDown() {
    return clock.instant().isBefore(downUntil);
  }

  /** Tells it what a webhook's work failed with; a lost connection marks the database down. */
  public void failed(Throwable failure) {
    if (isConnectionLoss(failure)) {
      if (!knownDown()) {
        log.error("The database is unreachable; webhooks answer from memory until it is back");
      }
      downUntil = clock.instant().plus(hold);
    }
  }

  /** Tries the database while it is marked down; clears the mark when it answers. */
  @Scheduled(fixedDelayString = "${ringtree.database.probe-every:2s}")
  public void probe() {
    if (!knownDown()) {
      return;
    }
    try {
      jdbc.sql("SELECT 1").query(Integer.class).single();
      downUntil = Instant.MIN;
      log.warn("The database answers again; webhooks use it again");
    } catch (RuntimeException stillDown) {
      downUntil = clock.instant().plus(hold);
    }
  }

  static boolean isConnectionLoss(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      // SQLSTATE class 08: connection exception (PostgreSQL's own codes)
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().startsWith("08")) {
        return true;
      }
    }
    return false;
  }
}
