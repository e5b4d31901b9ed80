package org.ringtree.runtime.call;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Qualified calls: those that passed the flow's qualification and reached a route node ({@code
 * calls.routed_at}, set by a trigger on the routing trace, migration V80), whether or not a buyer
 * then took them. The dashboard's "Qualified" figure.
 */
@Repository
@Store(reads = "calls")
public class QualifiedCallStore {

  private final JdbcClient jdbc;

  QualifiedCallStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Calls started in [from, to) that reached routing, per currency. */
  public Map<String, Long> countByCurrency(Instant from, Instant to) {
    Map<String, Long> out = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT currency, count(*) FROM calls WHERE started_at >= ? AND started_at < ?"
                + " AND routed_at IS NOT NULL GROUP BY currency ORDER BY currency")
        .params(Timestamp.from(from), Timestamp.from(to))
        .query(
            rs -> {
              out.put(rs.getString(1).trim(), rs.getLong(2));
            });
    return out;
  }
}
