package org.ringtree.runtime.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class StatementTimeoutTest extends PostgresTest {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  @Test
  void everyPooledConnectionStopsARunawayStatementAfterTenSeconds() throws Exception {
    // the pool's connections at once, so also any Flyway used (its statements ran without one)
    List<Connection> held = new ArrayList<>();
    try {
      // every idle connection (the publish listener keeps one of its own busy)
      int idle =
          dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().getIdleConnections();
      assertThat(idle).isPositive();
      for (int i = 0; i < idle; i++) {
        Connection c = dataSource.getConnection();
        held.add(c);
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
          rs.next();
          assertThat(rs.getString(1)).as("connection %d", i).isEqualTo("10s");
        }
      }
    } finally {
      for (Connection c : held) {
        c.close();
      }
    }
    assertThatThrownBy(() -> jdbc.sql("SELECT pg_sleep(11)").query().singleValue())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("statement timeout");
  }
}
