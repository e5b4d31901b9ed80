package org.ringtree.runtime.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.config.InvalidConfigurationException;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.mock.env.MockEnvironment;

/** Production refuses a database role that could switch off the append-only triggers. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = "ringtree.demo.seed=false")
class ProductionDatabaseRoleTest extends PostgresTest {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void theTestsSuperuserIsRefusedUnderProdAndAllowedOtherwise() {
    assertThatThrownBy(() -> check(jdbc, "prod"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("superuser");
    check(jdbc, "default"); // the quickstart and the tests run as the owner, as before
  }

  @Test
  void theRestrictedAppRolePasses() throws Exception {
    boolean roleExists =
        jdbc.sql("SELECT count(*) FROM pg_roles WHERE rolname = 'ringtree_app'")
                .query(Long.class)
                .single()
            > 0;
    Assumptions.assumeTrue(roleExists, "ringtree_app is created only where the migrator may");
    try (Connection c = dataSource.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.execute("SET ROLE ringtree_app");
      }
      JdbcClient asApp = JdbcClient.create(new SingleConnectionDataSource(c, true));
      assertThat(new ProductionDatabaseRole(asApp, env("prod")).problem()).isNull();
      try (Statement s = c.createStatement()) {
        s.execute("RESET ROLE");
      }
    }
  }

  private static void check(JdbcClient jdbc, String profile) {
    new ProductionDatabaseRole(jdbc, env(profile)).afterPropertiesSet();
  }

  private static MockEnvironment env(String profile) {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles(profile);
    return env;
  }
}
