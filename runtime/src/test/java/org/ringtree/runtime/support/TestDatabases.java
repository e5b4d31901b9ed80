package org.ringtree.runtime.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh, real PostgreSQL databases for tests: one per call, on the machine's server at
 * 127.0.0.1:5432 (override with RINGTREE_TEST_PG, e.g. jdbc:postgresql://host:5432/) or, when none
 * is reachable, on an embedded server started once for the run. Every database made here is dropped
 * when the JVM exits.
 */
public final class TestDatabases {

  private static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
  private static String serverUrl;
  private static String user;

  private TestDatabases() {}

  /** A JDBC URL of a new, empty database. */
  public static synchronized String create(String purpose) {
    ensureServer();
    String name =
        ("rt_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    exec("CREATE DATABASE " + name);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
    return serverUrl + name;
  }

  /** Runs the app's migrations on the database at {@code url} up to {@code target} (null: all). */
  public static void migrate(String url, String target) {
    var config =
        org.flywaydb.core.Flyway.configure()
            .dataSource(url, user(), "")
            .locations("classpath:db/migration");
    if (target != null) {
      config.target(target);
    }
    config.load().migrate();
  }

  public static String user() {
    ensureServer();
    return user;
  }

  private static void ensureServer() {
    if (serverUrl != null) {
      return;
    }
    String configured = System.getenv().getOrDefault("RINGTREE_TEST_PG", DEFAULT_SERVER);
    try (Connection c = DriverManager.getConnection(configured + "postgres", "postgres", "")) {
      serverUrl = configured;
      user = "postgres";
      return;
    } catch (SQLException unreachable) {
      System.err.println(
          "No PostgreSQL at " + configured + " (" + unreachable.getMessage() + "); using embedded");
    }
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      serverUrl = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/";
      user = "postgres";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void exec(String sql) {
    try (Connection c = DriverManager.getConnection(serverUrl + "postgres", user, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
