package org.ringtree.runtime.postback;

import java.sql.Timestamp;
import java.util.UUID;
import org.ringtree.integrations.postback.PostbackAttempt;
import org.ringtree.integrations.postback.PostbackDeadLetter;
import org.ringtree.integrations.postback.PostbackListener;
import org.ringtree.runtime.observability.BusinessMetrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores every postback attempt (append-only) and moves the postback to DELIVERED or DEAD. */
@Component
class PostbackLog implements PostbackListener {

  private final JdbcClient jdbc;

  private final BusinessMetrics metrics;

  PostbackLog(JdbcClient jdbc, BusinessMetrics metrics) {
    this.jdbc = jdbc;
    this.metrics = metrics;
  }

  @Override
  public void attempted(PostbackAttempt a) {
    UUID id = UUID.fromString(a.postbackId());
    jdbc.sql(
            "INSERT INTO postback_attempts (postback_id, attempt, url, at, http_status,"
                + " latency_ms, delivered, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            a.attempt(),
            a.url(),
            Timestamp.from(a.at()),
            a.httpStatus(),
            a.latency().toMillis(),
            a.delivered(),
            a.error())
        .update();
    jdbc.sql(
            "UPDATE postbacks SET attempts = attempts + 1, last_error = ?, updated_at = now(),"
                + " state = CASE WHEN ? THEN 'DELIVERED' ELSE state END WHERE id = ?")
        .params(a.error(), a.delivered(), id)
        .update();
  }

  @Override
  public void deadLettered(PostbackDeadLetter d) {
    metrics.postbackDeadLettered();
    jdbc.sql("UPDATE postbacks SET state = 'DEAD', last_error = ?, updated_at = now() WHERE id = ?")
        .params(d.lastError(), UUID.fromString(d.postbackId()))
        .update();
  }
}
