package org.ringtree.runtime.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** What counts as the database being unreachable (and what does not). */
class DatabaseAvailabilityTest {

  @Test
  void lostConnectionsCountAndOrdinaryFailuresDoNot() {
    assertThat(
            DatabaseAvailability.isConnectionLoss(
                new IllegalStateException(
                    "wrapped", new CannotGetJdbcConnectionException("no connection"))))
        .isTrue();
    assertThat(
            DatabaseAvailability.isConnectionLoss(
                new SQLTransientConnectionException("pool timed out")))
        .isTrue();
    assertThat(
            DatabaseAvailability.isConnectionLoss(
                new RuntimeException(new SQLException("connection refused", "08001"))))
        .isTrue();
    assertThat(DatabaseAvailability.isConnectionLoss(new QueryTimeoutException("slow"))).isFalse();
    assertThat(
            DatabaseAvailability.isConnectionLoss(
                new RuntimeException(new SQLException("duplicate", "23505"))))
        .isFalse();
  }
}
