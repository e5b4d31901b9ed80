package org.ringtree.runtime.call;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Calls as the live view shows them, with the names of their campaign, publisher and ringing
 * target. Read only: {@link CallStore} writes the calls and tells each change on {@link
 * CallStore#CALL_CHANNEL}.
 */
@Repository
@Store(reads = {"calls", "campaigns", "publishers"})
public class LiveCallStore {

  private final JdbcClient jdbc;

  LiveCallStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A call in progress as the live view shows it: where it came from, what it waits for, and the
   * target whose leg rings or talks. {@code status} is what users see ({@link CallPhase#shown});
   * {@code answeredAt} is when the ringing leg answered (its answered event), null before.
   */
  public record LiveCallRow(
      UUID id,
      String callSid,
      String callerNumber,
      String campaignId,
      String campaignName,
      String publisherId,
      String publisherName,
      String status,
      String nodeId,
      String waiting,
      String ringingTargetId,
      String ringingTargetName,
      Instant startedAt,
      Instant connectedAt,
      Instant endedAt,
      Instant answeredAt) {}

  private static final String SELECT_LIVE =
      "SELECT c.id, c.call_sid, c.caller_number, c.campaign_id, cp.name, c.publisher_id, p.name,"
          + " c.phase, c.state->>'nodeId', c.state->>'waiting',"
          + " CASE WHEN (c.dial_plan->>'ringing')::int >= 0 THEN c.dial_plan->'legs'->"
          + "((c.dial_plan->>'ringing')::int)->>'targetId' END,"
          + " CASE WHEN (c.dial_plan->>'ringing')::int >= 0 THEN c.dial_plan->'legs'->"
          + "((c.dial_plan->>'ringing')::int)->>'name' END,"
          + " c.started_at, c.connected_at, c.ended_at, c.provider_status, c.answered_at FROM calls c"
          + " LEFT JOIN campaigns cp ON cp.id = c.campaign_id"
          + " LEFT JOIN publishers p ON p.id = c.publisher_id";

  /** Calls not ended that started after {@code since}, oldest first. */
  public List<LiveCallRow> inProgress(Instant since, int limit) {
    return jdbc.sql(
            SELECT_LIVE
                + " WHERE c.ended_at IS NULL AND c.started_at > ? ORDER BY c.started_at LIMIT ?")
        .params(Timestamp.from(since), limit)
        .query(LiveCallStore::liveCallRow)
        .list();
  }

  /** One call as the live view shows it, ended or not. */
  public Optional<LiveCallRow> liveCall(UUID id) {
    return jdbc.sql(SELECT_LIVE + " WHERE c.id = ?")
        .param(id)
        .query(LiveCallStore::liveCallRow)
        .optional();
  }

  private static LiveCallRow liveCallRow(ResultSet rs, int i) throws SQLException {
    return new LiveCallRow(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        CallPhase.valueOf(rs.getString(8)).shown(rs.getString(16)),
        rs.getString(9),
        rs.getString(10),
        rs.getString(11),
        rs.getString(12),
        instant(rs.getTimestamp(13)),
        instant(rs.getTimestamp(14)),
        instant(rs.getTimestamp(15)),
        instant(rs.getTimestamp(17)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
