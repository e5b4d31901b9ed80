package org.ringtree.runtime.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses the database before anything else starts: {@code spring.datasource.url} if set, else
 * {@code RINGTREE_DB_URL} ({@code ringtree.db.url}), else a real PostgreSQL server started here
 * with its data in {@code ${ringtree.data-dir}/postgres}, kept across restarts. Doing it this early
 * lets Spring Boot's own DataSource and Flyway set-up run unchanged in every mode.
 */
public class EmbeddedPostgresBootstrap implements EnvironmentPostProcessor, Ordered {

  static final String DATABASE_NAME = "ringtree";
  private static final String SOURCE_NAME = "ringtreeDatabase";
  private static volatile EmbeddedPostgres running;
  private static volatile Path runningDataDir;

  private final Log log;

  public EmbeddedPostgresBootstrap(DeferredLogFactory logFactory) {
    this.log = logFactory.getLog(EmbeddedPostgresBootstrap.class);
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication app) {
    if (env.getPropertySources().contains(SOURCE_NAME)) {
      return;
    }
    if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
      log.info(
          "Database: "
              + redacted(env.getProperty("spring.datasource.url"))
              + " (spring.datasource.url)");
      return;
    }
    Map<String, Object> props = new HashMap<>();
    String externalUrl = env.getProperty("ringtree.db.url");
    if (StringUtils.hasText(externalUrl)) {
      props.put("spring.datasource.url", externalUrl);
      putIfText(props, "spring.datasource.username", env.getProperty("ringtree.db.username"));
      putIfText(props, "spring.datasource.password", env.getProperty("ringtree.db.password"));
      log.info("Database: " + redacted(externalUrl) + " (RINGTREE_DB_URL / ringtree.db.url)");
    } else if (env.getProperty("ringtree.db.embedded", Boolean.class, true)) {
      Path dataDir = Path.of(env.getProperty("ringtree.data-dir", "data")).toAbsolutePath();
      int port = env.getProperty("ringtree.db.embedded-port", Integer.class, 0);
      EmbeddedPostgres pg = start(dataDir.resolve("postgres"), port);
      props.put("spring.datasource.url", pg.getJdbcUrl("postgres", DATABASE_NAME));
      props.put("spring.datasource.username", "postgres");
      props.put("spring.datasource.password", "");
    } else {
      throw new IllegalStateException(
          "No database configured: set spring.datasource.url or RINGTREE_DB_URL, "
              + "or allow the embedded PostgreSQL (ringtree.db.embedded=true)");
    }
    env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, props));
  }

  private EmbeddedPostgres start(Path dataDir, int port) {
    synchronized (EmbeddedPostgresBootstrap.class) {
      if (running != null && dataDir.equals(runningDataDir)) {
        return running;
      }
      forgetRunningServerForTests();
      try {
        Files.createDirectories(dataDir);
        boolean existing = Files.exists(dataDir.resolve("PG_VERSION"));
        LeftoverPostmaster.stopIfLeftOver(dataDir).ifPresent(log::warn);
        log.info(
            (existing ? "Starting embedded PostgreSQL on existing data in " : "Creating embedded ")
                + (existing ? "" : "PostgreSQL data folder ")
                + dataDir);
        EmbeddedPostgres pg =
            EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                // zonky turns durability off for tests; this server holds the books, so keep it on
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // the report roll-up queue (V35) gathers dead rows by the thousand a minute
                .setServerConfig("autovacuum_naptime", "10s")
                .start();
        createDatabaseIfMissing(pg);
        log.info(
            "Embedded PostgreSQL ready on 127.0.0.1:"
                + pg.getPort()
                + ", database '"
                + DATABASE_NAME
                + "', data in "
                + dataDir
                + " (psql -h 127.0.0.1 -p "
                + pg.getPort()
                + " -U postgres "
                + DATABASE_NAME
                + ")");
        running = pg;
        runningDataDir = dataDir;
        return pg;
      } catch (IOException | SQLException e) {
        throw new EmbeddedDatabaseStartException(dataDir, e);
      }
    }
  }

  /** Stops the server this JVM started, so the platform can start again as a new run. */
  static void forgetRunningServerForTests() {
    synchronized (EmbeddedPostgresBootstrap.class) {
      if (running != null) {
        try {
          running.close();
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
        running = null;
        runningDataDir = null;
      }
    }
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres pg) throws SQLException {
    try (Connection c = pg.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE_NAME + "'")) {
        if (!rs.next()) {
          s.execute("CREATE DATABASE " + DATABASE_NAME);
        }
      }
    }
  }

  private static void putIfText(Map<String, Object> props, String key, String value) {
    if (StringUtils.hasText(value)) {
      props.put(key, value);
    }
  }

  /** A JDBC URL fit for a log: a password in its query or its user info is replaced by ***. */
  static String redacted(String jdbcUrl) {
    if (jdbcUrl == null) {
      return null;
    }
    return jdbcUrl
        .replaceAll("(?i)(password=)[^&;]*", "$1***")
        .replaceAll("(//[^/:@?]+:)[^/@?]*@", "$1***@");
  }
}
