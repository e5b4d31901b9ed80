package org.ringtree.runtime.postback;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.UUID;
import org.ringtree.integrations.postback.PostbackAttempt;
import org.ringtree.integrations.postback.PostbackDeadLetter;
import org.ringtree.integrations.postback.PostbackListener;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.observability.BusinessMetrics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Postbacks and their attempts: stores every attempt (append-only) and moves the postback to
 * DELIVERED or DEAD; the only writer of both tables.
 */
@Component
@Store(owns = {"postbacks", "postback_attempts"})
class PostbackStore implements PostbackListener {

  private final JdbcClient jdbc;

  private final BusinessMetrics metrics;

  PostbackStore(JdbcClient jdbc, BusinessMetrics metrics) {
    this.jdbc = jdbc;
    this.metrics = metrics;
  }

  @Override
  public void attempted(PostbackAttempt a) {
    UUID id = UUID.fromString(a.postbackId());
    jdbc.sql(
            "INSERT INTO postback_attempts (postback_id, attempt, url, at, http_status,"
                + " latency_ms, delivered, error, response) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            id,
            a.attempt(),
            a.url(),
            Timestamp.from(a.at()),
            a.httpStatus(),
            a.latency().toMillis(),
            a.delivered(),
            a.error(),
            a.response())
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

  /** A new postback about to be sent; 0 when the call's event already has one. */
  int insertSending(UUID id, UUID callId, String publisherId, String event, String url) {
    return jdbc.sql(
            "INSERT INTO postbacks (id, call_id, publisher_id, event, url, state)"
                + " VALUES (?, ?, ?, ?, ?, 'SENDING')"
                + " ON CONFLICT (call_id, event) DO NOTHING")
        .params(id, callId, publisherId, event, url)
        .update();
  }

  /** Moves a dead letter back to SENDING; 0 when it is not a dead letter. */
  int resend(UUID id) {
    return jdbc.sql(
            "UPDATE postbacks SET state = 'SENDING', updated_at = now()"
                + " WHERE id = ? AND state = 'DEAD'")
        .param(id)
        .update();
  }

  /** Dead-letters postbacks still SENDING but untouched for longer than {@code orphanedAfter}. */
  int deadLetterOrphans(Duration orphanedAfter) {
    return jdbc.sql(
            "UPDATE postbacks SET state = 'DEAD', updated_at = now(), last_error ="
                + " coalesce(last_error || '; ', '') || 'sender stopped before delivery'"
                + " WHERE state = 'SENDING' AND updated_at < now() - ? * interval '1 millisecond'")
        .param(orphanedAfter.toMillis())
        .update();
  }
}
