package org.ringtree.runtime.quality;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.ringtree.rules.quality.QualityCall;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model quality monitoring judges: the ended calls that started in a window, each with its
 * publisher, source (the tracking number's source tag named by {@code ringtree.quality.source-tag},
 * or the number itself), campaign, caller, how long the buyer held it ({@code talk_seconds}), the
 * billable threshold that applied (the buyer's own on the campaign, else the campaign's payout
 * policy's; 0 when none) and whether it converted; and each publisher's score bands from {@code
 * call_scores}.
 */
@Repository
@Store(reads = {"calls", "tracking_numbers", "campaigns", "call_scores"})
class QualityCallsReader {

  private final JdbcClient jdbc;

  QualityCallsReader(JdbcTemplate template) {
    // a week of a busy network is streamed in pages, not loaded at once by the driver
    JdbcTemplate paged = new JdbcTemplate(template.getDataSource());
    paged.setFetchSize(5_000);
    this.jdbc = JdbcClient.create(paged);
  }

  /** The ended calls that started in [from, to), oldest first. */
  List<QualityCall> calls(Instant from, Instant to, String sourceTag) {
    return jdbc.sql(
            "SELECT c.publisher_id, coalesce(nullif(tn.source_tags ->> ?, ''), c.tracking_number),"
                + " c.campaign_id, c.caller_number, c.started_at, coalesce(c.talk_seconds, 0),"
                + " coalesce((cp.settings -> 'buyerMinSeconds' ->> c.buyer_id)::int,"
                + " (cp.settings -> 'payout' ->> 'buyerMinSeconds')::int, 0), c.converted"
                + " FROM calls c LEFT JOIN tracking_numbers tn ON tn.number = c.tracking_number"
                + " LEFT JOIN campaigns cp ON cp.id = c.campaign_id"
                + " WHERE c.started_at >= ? AND c.started_at < ? AND c.ended_at IS NOT NULL"
                + " AND c.publisher_id IS NOT NULL AND c.campaign_id IS NOT NULL"
                + " ORDER BY c.started_at")
        .params(sourceTag, Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, i) ->
                new QualityCall(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant(),
                    rs.getInt(6),
                    rs.getInt(7),
                    rs.getBoolean(8)))
        .list();
  }

  /** Each publisher's calls that started in [from, to) and were scored, by score band. */
  List<ScoreBands> scoreBands(Instant from, Instant to) {
    return jdbc.sql(
            "SELECT c.publisher_id, count(*), count(*) FILTER (WHERE s.score < 20),"
                + " count(*) FILTER (WHERE s.score >= 20 AND s.score < 40),"
                + " count(*) FILTER (WHERE s.score >= 40 AND s.score < 60),"
                + " count(*) FILTER (WHERE s.score >= 60 AND s.score < 80),"
                + " count(*) FILTER (WHERE s.score >= 80),"
                + " percentile_disc(0.5) WITHIN GROUP (ORDER BY s.score)"
                + " FROM calls c JOIN call_scores s ON s.call_id = c.id"
                + " WHERE c.started_at >= ? AND c.started_at < ? AND c.publisher_id IS NOT NULL"
                + " GROUP BY c.publisher_id ORDER BY c.publisher_id")
        .params(Timestamp.from(from), Timestamp.from(to))
        .query(
            (rs, i) ->
                new ScoreBands(
                    rs.getString(1),
                    rs.getInt(2),
                    List.of(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)),
                    rs.getInt(8)))
        .list();
  }
}
