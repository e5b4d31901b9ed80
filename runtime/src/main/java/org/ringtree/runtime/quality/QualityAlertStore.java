package org.ringtree.runtime.quality;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The alert webhook's URL (one row, V93) and every delivery attempt: the only writer of both. */
@Repository
@Store(owns = {"quality_alert_settings", "quality_alert_deliveries"})
class QualityAlertStore {

  private final JdbcClient jdbc;

  QualityAlertStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One attempt to post a flag to the webhook. */
  record Delivery(
      long flagId,
      long runId,
      String url,
      int attempt,
      Instant at,
      Integer httpStatus,
      boolean delivered,
      String error) {}

  /** The URL alerts go to; empty when none is set. */
  String url() {
    return jdbc.sql("SELECT url FROM quality_alert_settings")
        .query(String.class)
        .optional()
        .orElse("");
  }

  void saveUrl(String url, String by, Instant at) {
    jdbc.sql(
            "INSERT INTO quality_alert_settings (id, url, updated_by, updated_at)"
                + " VALUES (true, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET url = excluded.url,"
                + " updated_by = excluded.updated_by, updated_at = excluded.updated_at")
        .params(url, by, Timestamp.from(at))
        .update();
  }

  void log(Delivery d) {
    jdbc.sql(
            "INSERT INTO quality_alert_deliveries (flag_id, run_id, url, attempt, at, http_status,"
                + " delivered, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            d.flagId(),
            d.runId(),
            d.url(),
            d.attempt(),
            Timestamp.from(d.at()),
            d.httpStatus(),
            d.delivered(),
            d.error())
        .update();
  }

  /** A flag's delivery attempts, in order. */
  List<Delivery> deliveries(long flagId) {
    return jdbc.sql(
            "SELECT flag_id, run_id, url, attempt, at, http_status, delivered, error"
                + " FROM quality_alert_deliveries WHERE flag_id = ? ORDER BY id")
        .param(flagId)
        .query(
            (rs, i) ->
                new Delivery(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getTimestamp(5).toInstant(),
                    (Integer) rs.getObject(6),
                    rs.getBoolean(7),
                    rs.getString(8)))
        .list();
  }
}
