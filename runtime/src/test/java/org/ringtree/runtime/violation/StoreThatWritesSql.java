package org.ringtree.runtime.violation;

import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A store may use JDBC, and so may the classes nested in it: the rule lets this one pass. */
@Store(owns = "calls")
public class StoreThatWritesSql {
  private final Rows rows;

  public StoreThatWritesSql(JdbcClient jdbc) {
    this.rows = new Rows(jdbc);
  }

  public int markConverted(java.util.UUID callId) {
    return rows.markConverted(callId);
  }

  private record Rows(JdbcClient jdbc) {
    int markConverted(java.util.UUID callId) {
      return jdbc.sql("UPDATE calls SET converted = true WHERE id = ?").param(callId).update();
    }
  }
}
