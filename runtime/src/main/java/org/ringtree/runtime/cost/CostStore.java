package org.ringtree.runtime.cost;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What costing reads: a call's durations and provider ids, the legs it dialled (its dial webhooks),
 * the cost rows already booked (by their idempotency keys), the calls still to cost or to
 * reconcile, and the numbers in service. It writes nothing: cost rows are appended by the ledger's
 * owner, {@code billing.LedgerWriter}.
 */
@Repository
@Store(reads = {"calls", "call_events", "ledger_entries", "tracking_numbers"})
public class CostStore {

  private final JdbcClient jdbc;

  CostStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A finished call as its provider bills it. {@code dialled}: the legs it dialled to buyers, in
   * the order they rang, as each leg's dial webhook reported them (empty if none reached us).
   */
  public record CallUsage(
      UUID id,
      String callSid,
      String campaignId,
      Instant startedAt,
      Integer totalSeconds,
      Integer talkSeconds,
      boolean connected,
      String recordingSid,
      Integer recordingSeconds,
      List<Leg> dialled) {}

  /**
   * One dialled leg as Twilio's dial action reported it: {@code DialCallSid}, {@code
   * DialCallStatus} and {@code DialCallDuration} (seconds; 0 for a leg nobody answered).
   */
  public record Leg(String sid, String status, int seconds) {}

  public Optional<CallUsage> usage(UUID callId) {
    return call(callId).map(c -> withLegs(c, legs(callId)));
  }

  private static CallUsage withLegs(CallUsage c, List<Leg> legs) {
    return new CallUsage(
        c.id(),
        c.callSid(),
        c.campaignId(),
        c.startedAt(),
        c.totalSeconds(),
        c.talkSeconds(),
        c.connected(),
        c.recordingSid(),
        c.recordingSeconds(),
        legs);
  }

  /** The call's dial webhooks in the order they came, one per leg that rang. */
  List<Leg> legs(UUID callId) {
    return jdbc.sql(
            "SELECT request->>'DialCallSid', request->>'DialCallStatus',"
                + " request->>'DialCallDuration' FROM call_events"
                + " WHERE call_id = ? AND kind = 'dial' ORDER BY id")
        .param(callId)
        .query((rs, i) -> new Leg(rs.getString(1), rs.getString(2), seconds(rs.getString(3))))
        .list();
  }

  private static int seconds(String text) {
    try {
      return text == null ? 0 : Math.max(0, Integer.parseInt(text.strip()));
    } catch (NumberFormatException e) {
      return 0; // the webhook was taken with 0 s of talk too
    }
  }

  private Optional<CallUsage> call(UUID callId) {
    return jdbc.sql(
            "SELECT id, call_sid, campaign_id, started_at,"
                + " coalesce(total_seconds, CASE WHEN ended_at IS NOT NULL THEN"
                + "   ceil(extract(epoch FROM ended_at - started_at))::int END),"
                + " talk_seconds, connected_at IS NOT NULL OR target_id IS NOT NULL,"
                + " recording_sid, recording_seconds FROM calls WHERE id = ?")
        .param(callId)
        .query(
            (rs, i) ->
                new CallUsage(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getTimestamp(4).toInstant(),
                    rs.getObject(5, Integer.class),
                    rs.getObject(6, Integer.class),
                    rs.getBoolean(7),
                    rs.getString(8),
                    rs.getObject(9, Integer.class),
                    List.of()))
        .optional();
  }

  /** A booked row: its id and amount. */
  public record Booked(long id, java.math.BigDecimal amount, String currency) {}

  /**
   * The estimate rows of a component of a call: the row keyed {@code base} and those keyed {@code
   * base-2}, {@code base-3}… (further dialled legs), as one: the first row's id and their sum.
   */
  public Optional<Booked> bookedAll(UUID callId, String base) {
    return jdbc.sql(
            "SELECT min(id), sum(amount), min(currency) FROM ledger_entries WHERE call_id = ?"
                + " AND (idempotency_key = ? OR idempotency_key LIKE ?) HAVING count(*) > 0")
        .params(callId, base, base + "-%")
        .query((rs, i) -> new Booked(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3).trim()))
        .optional();
  }

  public Optional<Booked> booked(String idempotencyKey) {
    return jdbc.sql("SELECT id, amount, currency FROM ledger_entries WHERE idempotency_key = ?")
        .param(idempotencyKey)
        .query((rs, i) -> new Booked(rs.getLong(1), rs.getBigDecimal(2), rs.getString(3).trim()))
        .optional();
  }

  /**
   * Settled calls started since {@code since} with usage not yet costed: no inbound row though it
   * lasted, or a recording without its row (a recording's callback may come after settling).
   */
  public List<UUID> uncosted(Instant since, int limit) {
    return jdbc.sql(
            "SELECT c.id FROM calls c WHERE c.started_at >= ? AND c.settled_at IS NOT NULL AND ("
                + " (coalesce(c.total_seconds, 0) > 0 AND NOT EXISTS (SELECT 1 FROM ledger_entries l"
                + "   WHERE l.idempotency_key = c.id::text || ':cost-inbound'))"
                + " OR (coalesce(c.recording_seconds, 0) > 0 AND NOT EXISTS (SELECT 1 FROM"
                + "   ledger_entries l WHERE l.idempotency_key = c.id::text || ':cost-recording')))"
                + " ORDER BY c.started_at LIMIT ?")
        .params(Timestamp.from(since), limit)
        .query(UUID.class)
        .list();
  }

  /**
   * Settled calls started since {@code since} and settled before {@code settledBefore} (the
   * provider prices a call some time after it ends) whose inbound leg, answered leg or recording
   * has no provider row yet.
   */
  public List<UUID> unreconciled(Instant since, Instant settledBefore, int limit) {
    return jdbc.sql(
            "SELECT c.id FROM calls c WHERE c.started_at >= ? AND c.settled_at < ? AND ("
                + " NOT EXISTS (SELECT 1 FROM ledger_entries l"
                + "   WHERE l.idempotency_key = c.id::text || ':cost-inbound:provider')"
                + " OR (coalesce(c.talk_seconds, 0) > 0 AND NOT EXISTS (SELECT 1 FROM"
                + "   ledger_entries l WHERE l.idempotency_key = c.id::text ||"
                + "   ':cost-dialled:provider'))"
                + " OR (c.recording_sid IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ledger_entries l"
                + "   WHERE l.idempotency_key = c.id::text || ':cost-recording:provider')))"
                + " ORDER BY c.started_at LIMIT ?")
        .params(Timestamp.from(since), Timestamp.from(settledBefore), limit)
        .query(UUID.class)
        .list();
  }

  /** A tracking number in service and the campaign it belongs to. */
  public record NumberInService(String number, String campaignId) {}

  public List<NumberInService> numbersInService() {
    return jdbc.sql(
            "SELECT number, campaign_id FROM tracking_numbers WHERE enabled ORDER BY number")
        .query((rs, i) -> new NumberInService(rs.getString(1), rs.getString(2)))
        .list();
  }
}
