package org.ringtree.runtime.call;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.engine.CallState;
import org.ringtree.runtime.billing.BilledCalls;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.routing.DialPlan;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.score.CallScoreStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The life of a call's row in PostgreSQL, from its first webhook to its settling: every write and
 * lock of {@code calls}. Call state lives here, not in memory, so any runtime node can take a
 * call's next webhook. Its events and trace have their own stores ({@link CallEventStore}, {@link
 * RoutingTraceStore}); the read models that join calls live with their readers.
 */
@Repository
@Store(owns = "calls")
public class CallStore implements BilledCalls {

  private static final String SELECT_CALL =
      "SELECT id, call_sid, campaign_id, publisher_id, flow_version_id, phase, state::text AS"
          + " state, state_version, started_at, ended_at, target_id, buyer_id, revenue,"
          + " talk_seconds, dial_plan::text AS dial_plan FROM calls";

  /**
   * The PostgreSQL channel told, at commit, the id of each call whose phase changed (started,
   * routed, ringing, connected, ended), for the live view on every node.
   */
  public static final String CALL_CHANNEL = "ringtree_call_state";

  private static final String NOTIFY_EACH =
      " SELECT pg_notify('" + CALL_CHANNEL + "', u.id::text) FROM u";

  private final JdbcClient jdbc;
  private final CallEventStore events;
  private final RoutingTraceStore traces;

  CallStore(JdbcClient jdbc, CallEventStore events, RoutingTraceStore traces) {
    this.jdbc = jdbc;
    this.events = events;
    this.traces = traces;
  }

  /** Inserts a new call; false if a call with this CallSid exists already. */
  public boolean insert(NewCall call) {
    return jdbc.sql(
                "WITH u AS (INSERT INTO calls (id, call_sid, tracking_number, campaign_id,"
                    + " publisher_id, flow_version_id, caller_number, caller_city, caller_state,"
                    + " caller_zip, caller_country, phase, state, state_version, started_at,"
                    + " currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, 0, ?, ?)"
                    + " ON CONFLICT (call_sid) DO NOTHING RETURNING id)"
                    + NOTIFY_EACH)
            .params(CallColumns.of(call, false, null))
            .query()
            .listOfRows()
            .size()
        == 1;
  }

  /**
   * Saves a new call with its first step — state, dial plan, routing trace and the webhook with our
   * answer — in one statement, so in one round trip and one implicit transaction, without waiting
   * for the disk flush (like every IVR step: a crash within that fraction of a second makes the
   * provider's retry compute the step again). False if the CallSid exists already.
   */
  public boolean insertFirstStep(
      NewCall call,
      DialPlan dialPlan,
      List<TraceEntry> trace,
      String stepKey,
      String kind,
      Map<String, String> request,
      String response) {
    return insertFirstStep(call, dialPlan, trace, stepKey, kind, request, response, null);
  }

  /**
   * As above, with the call's score row ({@code score}, null: none) in the same statement; its
   * owner ({@code score.CallScoreStore}) writes the clause.
   */
  public boolean insertFirstStep(
      NewCall call,
      DialPlan dialPlan,
      List<TraceEntry> trace,
      String stepKey,
      String kind,
      Map<String, String> request,
      String response,
      CallScoreStore.Clause score) {
    List<Object> params = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true) AS setting),"
                + " c AS (INSERT INTO calls (id, call_sid, tracking_number, campaign_id,"
                + " publisher_id, flow_version_id, caller_number, caller_city, caller_state,"
                + " caller_zip, caller_country, phase, state, state_version, dial_plan,"
                + " started_at, currency) SELECT ?::uuid, ?, ?, ?, ?, ?::bigint, ?, ?, ?, ?, ?, ?,"
                + " ?::jsonb, 1, ?::jsonb, ?::timestamptz, ? FROM relaxed ON CONFLICT (call_sid) DO NOTHING RETURNING id)");
    params.addAll(
        CallColumns.of(call, true, dialPlan == null ? null : CallColumns.encode(dialPlan)));
    // the event's and the trace's owners write their clauses; both read the new call from c
    for (SqlClause clause :
        List.of(
            events.firstEvent(call.callSid(), stepKey, kind, request, response),
            traces.firstTrace(trace))) {
      sql.append(clause.sql());
      params.addAll(clause.params());
    }
    if (score != null) {
      sql.append(score.sql());
      params.addAll(score.params());
    }
    // NOTIFY is sent at commit, so listeners never see a call that is not stored
    sql.append(" SELECT count(pg_notify('" + CALL_CHANNEL + "', c.id::text) IS NULL) FROM c");
    return jdbc.sql(sql.toString()).params(params).query(Integer.class).single() == 1;
  }

  /** Reads the call without locking it. */
  public Optional<CallRow> find(String callSid) {
    return jdbc.sql(SELECT_CALL + " WHERE call_sid = ?")
        .param(callSid)
        .query(CallColumns::callRow)
        .optional();
  }

  /** Reads and locks the call until the transaction ends, serialising its webhooks. */
  public Optional<CallRow> lock(String callSid) {
    return jdbc.sql(SELECT_CALL + " WHERE call_sid = ? FOR UPDATE")
        .param(callSid)
        .query(CallColumns::callRow)
        .optional();
  }

  /** Saves the call's new state, phase and dial plan (null: none) as its next step. */
  public void saveState(UUID callId, CallState state, CallPhase phase, DialPlan dialPlan) {
    jdbc.sql(
            "WITH u AS (UPDATE calls SET state = ?::jsonb, state_version = state_version + 1,"
                + " phase = ?, dial_plan = ?::jsonb WHERE id = ? RETURNING id)"
                + NOTIFY_EACH)
        .params(
            CallColumns.encode(state),
            phase.name(),
            dialPlan == null ? null : CallColumns.encode(dialPlan),
            callId)
        .query()
        .listOfRows();
  }

  /** The caller's zip, state and city as the IVR located them (a collected zip). */
  public void relocateCaller(UUID callId, String zip, String state, String city) {
    jdbc.sql("UPDATE calls SET caller_zip = ?, caller_state = ?, caller_city = ? WHERE id = ?")
        .params(zip, state, city, callId)
        .update();
  }

  /** The buyer leg was answered: its target, buyer, price and the talk time it reported. */
  public void markConnected(
      UUID callId, String targetId, String buyerId, BigDecimal revenue, int talkSeconds) {
    markConnected(callId, targetId, buyerId, revenue, talkSeconds, null);
  }

  /**
   * As {@link #markConnected(UUID, String, String, BigDecimal, int)}, with the winning bid's own
   * conversion timer (null: none; the campaign's billable duration applies).
   */
  public void markConnected(
      UUID callId,
      String targetId,
      String buyerId,
      BigDecimal revenue,
      int talkSeconds,
      Integer bidConversionSeconds) {
    jdbc.sql(
            "WITH u AS (UPDATE calls SET target_id = ?, buyer_id = ?, revenue = ?,"
                + " connected_at = coalesce(connected_at, now()), talk_seconds = ?,"
                + " bid_conversion_seconds = ? WHERE id = ? RETURNING id)"
                + NOTIFY_EACH)
        .params(targetId, buyerId, revenue, talkSeconds, bidConversionSeconds, callId)
        .query()
        .listOfRows();
  }

  /** The connected buyer's bid conversion timer in seconds, if its winning bid had one. */
  public Integer bidConversionSeconds(UUID callId) {
    List<Integer> found =
        jdbc.sql("SELECT bid_conversion_seconds FROM calls WHERE id = ?")
            .params(callId)
            .query(Integer.class)
            .list();
    return found.isEmpty() ? null : found.get(0);
  }

  /**
   * IVR progress (state, trace, the stored answer) does not wait for the disk flush: if the
   * database crashed within that fraction of a second, the provider's retry recomputes the step.
   * Transactions that write money never call this and keep synchronous commit.
   */
  public void relaxCommitOfThisTransaction() {
    jdbc.sql("SET LOCAL synchronous_commit TO off").update();
  }

  /**
   * The call's end as the provider reported it, with its final status ({@code completed}, {@code
   * no-answer}, ...); {@code totalSeconds} null when unreadable.
   */
  public void markEnded(UUID callId, String providerStatus, Integer totalSeconds) {
    end(callId, CallPhase.ENDED, providerStatus, totalSeconds);
  }

  private void end(UUID callId, CallPhase phase, String providerStatus, Integer totalSeconds) {
    jdbc.sql(
            "WITH u AS (UPDATE calls SET phase = ?, provider_status = ?,"
                + " ended_at = coalesce(ended_at, now()), total_seconds = ?,"
                + " ivr_seconds = greatest(0, ?::int - coalesce(talk_seconds, 0)) WHERE id = ?"
                + " RETURNING id)"
                + NOTIFY_EACH)
        .params(phase.name(), providerStatus, totalSeconds, totalSeconds, callId)
        .query()
        .listOfRows();
  }

  /** Ends a call the provider never reported the end of (its record did), saying why. */
  public void markEndedBy(UUID callId, String providerStatus, Integer totalSeconds, String reason) {
    markEnded(callId, providerStatus, totalSeconds);
    noteEndReason(callId, reason);
  }

  /** Ends a call nobody reported the end of, not even the provider's record, saying why. */
  public void markEndedWithoutStatus(UUID callId, String reason) {
    end(callId, CallPhase.ENDED_WITHOUT_STATUS, null, null);
    noteEndReason(callId, reason);
  }

  /**
   * The ringing buyer leg of step {@code step} answered: the call becomes CONNECTED with the answer
   * time and the live view is told. Only a call still ringing that leg moves; a late or repeated
   * event (the leg's end came first, the call moved on or ended) changes nothing and gives false.
   */
  public boolean markAnswered(UUID callId, int step) {
    return !jdbc.sql(
            "WITH u AS (UPDATE calls SET phase = 'CONNECTED', answered_at = now() WHERE id = ?"
                + " AND state_version = ? AND phase = 'RINGING_BUYER' AND ended_at IS NULL"
                + " RETURNING id)"
                + NOTIFY_EACH)
        .params(callId, step)
        .query()
        .listOfRows()
        .isEmpty();
  }

  /** The provider's status of a call still going (queued, ringing, in-progress). */
  public void noteProviderStatus(UUID callId, String providerStatus) {
    jdbc.sql("UPDATE calls SET provider_status = ? WHERE id = ? AND ended_at IS NULL")
        .params(providerStatus, callId)
        .update();
  }

  /** Why the call ended as it did, for operators (a status or dial result that never came). */
  public void noteEndReason(UUID callId, String reason) {
    jdbc.sql("UPDATE calls SET end_reason = ? WHERE id = ?").params(reason, callId).update();
  }

  /** What settling a call needs to know about it, read under its row lock. */
  public record EndOfCall(
      UUID id, String callSid, Instant endedAt, Instant settledAt, boolean awaitingDial) {}

  /**
   * Locks the call for settling; empty if it does not exist or, with {@code skipLocked}, another
   * transaction holds it (another node is settling it, or a webhook is saving it).
   */
  public Optional<EndOfCall> lockForSettling(UUID callId, boolean skipLocked) {
    return jdbc.sql(
            "SELECT id, call_sid, ended_at, settled_at, coalesce((dial_plan->>'ringing')::int, -1)"
                + " >= 0 AS awaiting FROM calls WHERE id = ? FOR UPDATE"
                + (skipLocked ? " SKIP LOCKED" : ""))
        .param(callId)
        .query(
            (rs, i) ->
                new EndOfCall(
                    rs.getObject("id", UUID.class),
                    rs.getString("call_sid"),
                    CallColumns.instant(rs, "ended_at"),
                    CallColumns.instant(rs, "settled_at"),
                    rs.getBoolean("awaiting")))
        .optional();
  }

  public void markSettled(UUID callId) {
    jdbc.sql("UPDATE calls SET settled_at = now() WHERE id = ? AND settled_at IS NULL")
        .param(callId)
        .update();
  }

  public void saveRecording(UUID callId, String url, String sid, Integer seconds) {
    jdbc.sql(
            "UPDATE calls SET recording_url = ?, recording_sid = ?, recording_seconds = ?"
                + " WHERE id = ?")
        .params(url, sid, seconds, callId)
        .update();
  }

  /** The provider's address of the call's recording, if it has one. */
  public Optional<String> recordingUrl(String callSid) {
    return jdbc.sql(
            "SELECT recording_url FROM calls WHERE call_sid = ? AND recording_url IS NOT NULL")
        .param(callSid)
        .query(String.class)
        .optional();
  }

  // Other features' SQL on calls, moved here so that this store is the table's only writer.

  @Override
  public CallFacts facts(UUID callId) {
    return jdbc.sql(
            "SELECT caller_number, caller_state, started_at, currency FROM calls" + " WHERE id = ?")
        .param(callId)
        .query(
            (rs, i) ->
                new CallFacts(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4).trim()))
        .single();
  }

  @Override
  public boolean hasOtherCall(
      String callerNumber, String campaignId, UUID exceptCallId, Instant from, Instant until) {
    return Boolean.TRUE.equals(
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM calls WHERE caller_number = ? AND campaign_id = ?"
                    + " AND id <> ? AND started_at <= ? AND started_at >= ?)")
            .params(
                callerNumber, campaignId, exceptCallId, Timestamp.from(until), Timestamp.from(from))
            .query(Boolean.class)
            .single());
  }

  @Override
  public void recordBilling(
      UUID callId,
      boolean billableToBuyer,
      boolean payableToPublisher,
      boolean duplicate,
      BigDecimal revenue,
      BigDecimal payout,
      String billingTable) {
    jdbc.sql(
            "UPDATE calls SET billable_to_buyer = ?, payable_to_publisher = ?, duplicate = ?,"
                + " revenue = ?, payout = ?, billing_table = ? WHERE id = ?")
        .params(
            billableToBuyer, payableToPublisher, duplicate, revenue, payout, billingTable, callId)
        .update();
  }

  @Override
  public void recordBillingWithoutTable(
      UUID callId,
      boolean billableToBuyer,
      boolean payableToPublisher,
      boolean duplicate,
      BigDecimal revenue,
      BigDecimal payout) {
    jdbc.sql(
            "UPDATE calls SET billable_to_buyer = ?, payable_to_publisher = ?, duplicate = ?,"
                + " revenue = ?, payout = ? WHERE id = ?")
        .params(billableToBuyer, payableToPublisher, duplicate, revenue, payout, callId)
        .update();
  }

  @Override
  public void markNotBillable(UUID callId) {
    jdbc.sql(
            "UPDATE calls SET billable_to_buyer = false, payable_to_publisher = false WHERE id = ?")
        .param(callId)
        .update();
  }

  /** Our id of the call with this provider CallSid. */
  public Optional<UUID> idOf(String callSid) {
    return jdbc.sql("SELECT id FROM calls WHERE call_sid = ?")
        .param(callSid)
        .query(UUID.class)
        .optional();
  }

  /** A call as a buyer's conversion postback finds it. */
  public record ConvertingCall(
      UUID id,
      String buyerId,
      String publisherId,
      String campaignId,
      String currency,
      boolean converted,
      Instant startedAt) {}

  /** The call, locked until the caller's transaction ends, so replays of a postback queue. */
  public Optional<ConvertingCall> lockForConversion(UUID callId) {
    return jdbc.sql(
            "SELECT id, buyer_id, publisher_id, campaign_id, currency, converted,"
                + " started_at FROM calls WHERE id = ? FOR UPDATE")
        .param(callId)
        .query(
            (rs, i) ->
                new ConvertingCall(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5).trim(),
                    rs.getBoolean(6),
                    rs.getTimestamp(7).toInstant()))
        .optional();
  }

  public void markConverted(UUID callId) {
    jdbc.sql("UPDATE calls SET converted = true, converted_at = now() WHERE id = ?")
        .param(callId)
        .update();
  }
}
