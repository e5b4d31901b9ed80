package org.ringtree.runtime.violation;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Deliberately holds SQL without being a store, so the test can prove the JDBC rule catches it. */
public class ServiceThatWritesSql {
  private final JdbcClient jdbc;

  public ServiceThatWritesSql(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public int markConverted(java.util.UUID callId) {
    return jdbc.sql("UPDATE calls SET converted = true WHERE id = ?").param(callId).update();
  }
}
