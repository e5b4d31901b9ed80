package org.ringtree.runtime.score;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What training reads: each scored call's routing-time features ({@code call_scores}) with how it
 * turned out, from the call ({@code calls.converted}, set by a buyer's conversion postback) and the
 * books (the buyer's revenue rows of the ledger, corrections included). Only calls that have ended
 * are read: a call still going has no outcome yet.
 */
@Repository
@Store(reads = {"call_scores", "calls", "ledger_entries"})
class ScoreTrainingRows {

  private final JdbcClient jdbc;

  ScoreTrainingRows(JdbcTemplate template) {
    // a million rows are streamed in pages, not loaded at once (inside a transaction, as training
    // is)
    JdbcTemplate paged = new JdbcTemplate(template.getDataSource());
    paged.setFetchSize(5_000);
    this.jdbc = JdbcClient.create(paged);
  }

  /** One scored call: its features as stored (JSON), when it was scored, and its outcome. */
  record Row(String features, Instant at, boolean converted, BigDecimal buyerRevenue) {}

  /** Streams the ended calls scored in [from, to), oldest first; call inside a transaction. */
  void scored(Instant from, Instant to, Consumer<Row> each) {
    // training's own timeout, for its transaction only: the pool's 10 s (application.yml) is for
    // requests, and joining and sorting a million calls before the first row took longer
    jdbc.sql("SET LOCAL statement_timeout = '15min'").update();
    jdbc.sql(
            "SELECT s.features::text, s.scored_at, c.converted, COALESCE(l.revenue, 0)"
                + " FROM call_scores s JOIN calls c ON c.id = s.call_id"
                + " LEFT JOIN (SELECT le.call_id, sum(le.amount) AS revenue FROM ledger_entries le"
                + " JOIN call_scores ls ON ls.call_id = le.call_id"
                + " WHERE le.kind = 'REVENUE' AND le.party_type = 'BUYER'"
                + " AND ls.scored_at >= ? AND ls.scored_at < ? GROUP BY le.call_id) l"
                + " ON l.call_id = s.call_id"
                + " WHERE s.scored_at >= ? AND s.scored_at < ? AND c.ended_at IS NOT NULL"
                + " ORDER BY s.scored_at, s.call_id")
        .params(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from), Timestamp.from(to))
        .query(
            (RowCallbackHandler)
                rs -> {
                  each.accept(
                      new Row(
                          rs.getString(1),
                          rs.getTimestamp(2).toInstant(),
                          rs.getBoolean(3),
                          rs.getBigDecimal(4)));
                });
  }
}
