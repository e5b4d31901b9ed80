package org.ringtree.runtime.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ringtree.runtime.RingtreeApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * The platform with no datasource configured: it runs its own PostgreSQL on a data folder that
 * survives restarts, including a restart after the previous process was killed.
 */
class EmbeddedDatabaseTest {

  @TempDir Path dataDir;

  @AfterEach
  void stopServer() {
    EmbeddedPostgresBootstrapAccess.forgetRunningServer();
  }

  @Test
  void keepsEveryRowAcrossRestartsOnTheSameDataFolder() {
    try (ConfigurableApplicationContext app = start()) {
      jdbc(app).sql("INSERT INTO verticals (id, name) VALUES ('solar', 'Solar')").update();
    }
    EmbeddedPostgresBootstrapAccess.forgetRunningServer();
    try (ConfigurableApplicationContext app = start()) {
      assertThat(
              jdbc(app)
                  .sql("SELECT name FROM verticals WHERE id = 'solar'")
                  .query(String.class)
                  .single())
          .isEqualTo("Solar");
    }
    assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
  }

  @Test
  void keepsTheBooksDurableAndVacuumsTheRollupQueueOften() {
    try (ConfigurableApplicationContext app = start()) {
      assertThat(setting(app, "SHOW fsync")).isEqualTo("on");
      assertThat(setting(app, "SHOW synchronous_commit")).isEqualTo("on");
      assertThat(setting(app, "SHOW autovacuum_naptime")).isEqualTo("10s");
      assertThat(
              setting(
                  app,
                  "SELECT array_to_string(reloptions, ',') FROM pg_class"
                      + " WHERE relname = 'report_rollup_pending'"))
          .contains("autovacuum_vacuum_threshold=5000", "autovacuum_vacuum_scale_factor=0");
    }
  }

  private static String setting(ConfigurableApplicationContext app, String sql) {
    return jdbc(app).sql(sql).query(String.class).single();
  }

  @Test
  void recoversTheDataFolderOfARunThatWasKilled() throws Exception {
    Path pgData = dataDir.resolve("postgres");
    Process earlier =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                KilledRun.class.getName(),
                pgData.toString())
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("earlier.log").toFile())
            .start();
    awaitFile(dataDir.resolve("earlier.ready"), Duration.ofSeconds(60));
    earlier.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // like kill -9: its postmaster lives
    assertThat(pgData.resolve("postmaster.pid")).exists();

    EmbeddedPostgresBootstrapAccess.forgetRunningServer();
    try (ConfigurableApplicationContext app = start()) {
      assertThat(
              jdbc(app)
                  .sql("SELECT note FROM killed.left_by_killed_run")
                  .query(String.class)
                  .single())
          .isEqualTo("still here");
    }
  }

  @Test
  void anUnreachableExternalDatabaseNamesTheSettingToFix() {
    Throwable failure = null;
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(RingtreeApplication.class)
            .run(
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/nowhere",
                "--server.port=0",
                "--spring.main.banner-mode=off")) {
      // not reached
    } catch (Throwable t) {
      failure = t;
    }
    assertThat(failure).isNotNull();
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere");
    FailureAnalysis analysis = new DatabaseFailureAnalyzer(env).analyze(failure);
    assertThat(analysis).isNotNull();
    assertThat(analysis.getDescription())
        .startsWith("Cannot use the database at jdbc:postgresql://127.0.0.1:1/nowhere");
    assertThat(analysis.getAction()).contains("spring.datasource.url").contains("RINGTREE_DB_URL");
  }

  @Test
  void aPortAlreadyInUseFailsStartUpAndKeepsTheData() throws Exception {
    try (ConfigurableApplicationContext app = start()) {
      jdbc(app).sql("INSERT INTO verticals (id, name) VALUES ('auto', 'Auto')").update();
    }
    EmbeddedPostgresBootstrapAccess.forgetRunningServer();
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      assertThatThrownBy(
              () ->
                  new SpringApplicationBuilder(RingtreeApplication.class)
                      .run(
                          "--ringtree.data-dir=" + dataDir,
                          "--server.port=" + taken.getLocalPort(),
                          "--ringtree.demo.seed=false",
                          "--spring.main.banner-mode=off")
                      .close())
          .hasRootCauseInstanceOf(java.net.BindException.class);
    }
    EmbeddedPostgresBootstrapAccess.forgetRunningServer();
    try (ConfigurableApplicationContext app = start()) {
      assertThat(
              jdbc(app)
                  .sql("SELECT name FROM verticals WHERE id = 'auto'")
                  .query(String.class)
                  .single())
          .isEqualTo("Auto");
    }
  }

  @Test
  void aSecondProcessOnALiveDataFolderIsRefusedWithoutTouchingIt() throws Exception {
    Path pgData = dataDir.resolve("postgres");
    try (EmbeddedPostgres live =
        EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false).start()) {
      assertThatThrownBy(() -> LeftoverPostmaster.stopIfLeftOver(pgData))
          .hasMessageContaining("in use by another running Ringtree process");
      assertThat(live.getPostgresDatabase().getConnection().isValid(2)).isTrue();
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(RingtreeApplication.class)
        .run(
            "--ringtree.data-dir=" + dataDir,
            "--server.port=0",
            "--ringtree.demo.seed=false",
            "--spring.main.banner-mode=off");
  }

  private static JdbcClient jdbc(ConfigurableApplicationContext app) {
    return app.getBean(JdbcClient.class);
  }

  private static void awaitFile(Path file, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(file)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + file);
      }
      Thread.sleep(100);
    }
  }

  /** A separate JVM that starts the embedded server, writes a row, and waits to be killed. */
  public static final class KilledRun {
    public static void main(String[] args) throws Exception {
      Path pgData = Path.of(args[0]);
      EmbeddedPostgres pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(pgData)
              .setCleanDataDirectory(false)
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .start();
      try (var c = pg.getPostgresDatabase().getConnection();
          var s = c.createStatement()) {
        s.execute("CREATE DATABASE ringtree");
      }
      try (var c = pg.getDatabase("postgres", "ringtree").getConnection();
          var s = c.createStatement()) {
        s.execute("CREATE SCHEMA killed; CREATE TABLE killed.left_by_killed_run (note text)");
        s.execute("INSERT INTO killed.left_by_killed_run VALUES ('still here')");
      }
      Files.writeString(pgData.getParent().resolve("earlier.ready"), "ready");
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
