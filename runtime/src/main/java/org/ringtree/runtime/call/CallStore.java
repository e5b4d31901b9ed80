package org.ringtree.runtime.call;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.billing.BilledCalls;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.routing.DialPlan;
import org.ringtree.runtime.routing.TraceEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Calls, their webhook events and routing trace in PostgreSQL. Call state lives here, not in
 * memory, so any runtime node can take a call's next webhook.
 */
@Repository
@Store(
    owns = {"calls", "call_events", "routing_trace"},
    reads = {"campaigns", "flows", "ledger_entries", "publishers", "tracking_numbers"})
public class CallStore implements BilledCalls {

  private static final TypeReference<Map<String, Object>> JSON_MAP = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};
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
  private final ObjectMapper json;

  CallStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /**
   * A stored call as its webhooks and settling need it. State and dial plan stay JSON until asked
   * for: a lock taken only to check the step never pays for reading them.
   */
  public record CallRow(
      UUID id,
      String callSid,
      String campaignId,
      String publisherId,
      Long flowVersionId,
      CallPhase phase,
      String stateJson,
      int stateVersion,
      Instant startedAt,
      Instant endedAt,
      String targetId,
      String buyerId,
      BigDecimal revenue,
      Integer talkSeconds,
      String dialPlanJson) {

    /** Where the call is in its flow; empty for a call that never had one (unrouted). */
    public Optional<CallState> state() {
      return stateJson == null || stateJson.equals("{}")
          ? Optional.empty()
          : Optional.of(decode(stateJson, CallState.class));
    }

    /** The buyer legs of the route node the call is at; null when it never reached one. */
    public DialPlan dialPlan() {
      return dialPlanJson == null ? null : decode(dialPlanJson, DialPlan.class);
    }

    public boolean awaitingDial() {
      DialPlan plan = dialPlan();
      return plan != null && plan.awaitingDial();
    }
  }

  /** The answer already given to this webhook, if it was seen before. */
  public Optional<String> previousResponse(String callSid, String stepKey) {
    return jdbc.sql("SELECT response FROM call_events WHERE call_sid = ? AND step_key = ?")
        .params(callSid, stepKey)
        .query(String.class)
        .optional();
  }

  /** Records a webhook and our answer; false if this step was already recorded (a replay). */
  public boolean recordEvent(
      String callSid,
      UUID callId,
      String stepKey,
      String kind,
      Map<String, String> request,
      String response) {
    return jdbc.sql(
                "INSERT INTO call_events (call_sid, call_id, step_key, kind, request, response)"
                    + " VALUES (?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT (call_sid, step_key) DO NOTHING")
            .params(callSid, callId, stepKey, kind, write(request), response)
            .update()
        == 1;
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
            .params(callColumns(call, false, null))
            .query()
            .listOfRows()
            .size()
        == 1;
  }

  /**
   * What a call's first webhook needs before the engine runs, in one round trip: the answer already
   * given (a replayed webhook), the tracking number dialled, the live flow version of its campaign
   * and the caller's recent calls (newest first: the newest 50 and the newest of each campaign,
   * target, buyer and outcome), for duplicate and history rules. The incoming webhook is the hot
   * path; separate queries cost it a round trip each.
   */
  public record Arrival(
      Optional<String> previousResponse,
      Optional<TrackingNumber> trackingNumber,
      Optional<Long> liveVersionId,
      List<PriorCall> history) {}

  private static final String HISTORY_COLUMNS =
      "id, started_at, campaign_id, target_id, buyer_id, connected_at, converted, payout, currency";

  public Arrival arrival(String callSid, String stepKey, String to, String from, Instant since) {
    return jdbc.sql(
            "SELECT (SELECT response FROM call_events WHERE call_sid = ? AND step_key = ?),"
                + " tn.number, tn.campaign_id, tn.publisher_id, tn.source_tags::text,"
                + " f.live_version_id, h.calls FROM (VALUES (1)) AS one (x)"
                + " LEFT JOIN tracking_numbers tn ON tn.number = ? AND tn.enabled"
                + " LEFT JOIN LATERAL (SELECT live_version_id FROM flows"
                + " WHERE campaign_id = tn.campaign_id AND live_version_id IS NOT NULL"
                + " ORDER BY updated_at DESC LIMIT 1) f ON true"
                // amounts as text: exact whatever the JSON reader does with numbers
                + " LEFT JOIN LATERAL (SELECT json_agg(json_build_array(p.id::text, p.started_at,"
                + " p.campaign_id, p.target_id, p.buyer_id, p.connected_at IS NOT NULL,"
                + " p.converted, p.payout::text, p.currency) ORDER BY p.started_at DESC)::text"
                // the newest 50, plus the newest call of each campaign/target/buyer and outcome:
                // a per-target or per-buyer duplicate window is honoured however busy the caller
                + " AS calls FROM ((SELECT "
                + HISTORY_COLUMNS
                + " FROM calls"
                + " WHERE caller_number = ? AND started_at > ? ORDER BY started_at DESC LIMIT 50)"
                + " UNION (SELECT DISTINCT ON (campaign_id, target_id, buyer_id,"
                + " connected_at IS NOT NULL, converted) "
                + HISTORY_COLUMNS
                + " FROM calls"
                + " WHERE caller_number = ? AND started_at > ? ORDER BY campaign_id, target_id,"
                + " buyer_id, connected_at IS NOT NULL, converted, started_at DESC)) p) h ON true")
        .params(callSid, stepKey, to, from, Timestamp.from(since), from, Timestamp.from(since))
        .query(this::arrival)
        .single();
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
    List<Object> params = new java.util.ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true) AS setting),"
                + " c AS (INSERT INTO calls (id, call_sid, tracking_number, campaign_id,"
                + " publisher_id, flow_version_id, caller_number, caller_city, caller_state,"
                + " caller_zip, caller_country, phase, state, state_version, dial_plan,"
                + " started_at, currency) SELECT ?::uuid, ?, ?, ?, ?, ?::bigint, ?, ?, ?, ?, ?, ?,"
                + " ?::jsonb, 1, ?::jsonb, ?::timestamptz, ? FROM relaxed ON CONFLICT (call_sid) DO NOTHING RETURNING id),"
                + " e AS (INSERT INTO call_events (call_sid, call_id, step_key, kind, request,"
                + " response) SELECT ?, c.id, ?, ?, ?::jsonb, ? FROM c"
                + " ON CONFLICT (call_sid, step_key) DO NOTHING)");
    params.addAll(callColumns(call, true, dialPlan == null ? null : encode(dialPlan)));
    params.addAll(java.util.Arrays.asList(call.callSid(), stepKey, kind, write(request), response));
    if (!trace.isEmpty()) {
      sql.append(
          ", t AS (INSERT INTO routing_trace (call_id, seq, node_id, target_id, kind, outcome,"
              + " reason, bid_amount, latency_ms, http_status, detail) SELECT c.id, v.i, v.node_id,"
              + " v.target_id, v.kind, v.outcome, v.reason, v.bid_amount, v.latency_ms,"
              + " v.http_status, v.detail::jsonb FROM c, (VALUES ");
      appendTraceValues(sql, params, trace);
      sql.append(
          ") AS v(i, node_id, target_id, kind, outcome, reason, bid_amount, latency_ms,"
              + " http_status, detail))");
    }
    // NOTIFY is sent at commit, so listeners never see a call that is not stored
    sql.append(" SELECT count(pg_notify('" + CALL_CHANNEL + "', c.id::text) IS NULL) FROM c");
    return jdbc.sql(sql.toString()).params(params).query(Integer.class).single() == 1;
  }

  /** The values of a call at its first webhook. */
  public record NewCall(
      UUID id,
      String callSid,
      String trackingNumber,
      String campaignId,
      String publisherId,
      Long flowVersionId,
      String callerNumber,
      String callerCity,
      String callerState,
      String callerZip,
      String callerCountry,
      CallPhase phase,
      CallState state,
      Instant startedAt,
      String currency) {}

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
        .query(CallStore::liveCallRow)
        .list();
  }

  /** One call as the live view shows it, ended or not. */
  public Optional<LiveCallRow> liveCall(UUID id) {
    return jdbc.sql(SELECT_LIVE + " WHERE c.id = ?")
        .param(id)
        .query(CallStore::liveCallRow)
        .optional();
  }

  private static LiveCallRow liveCallRow(java.sql.ResultSet rs, int i)
      throws java.sql.SQLException {
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

  /** Reads the call without locking it. */
  public Optional<CallRow> find(String callSid) {
    return jdbc.sql(SELECT_CALL + " WHERE call_sid = ?")
        .param(callSid)
        .query(CallStore::callRow)
        .optional();
  }

  /** Reads and locks the call until the transaction ends, serialising its webhooks. */
  public Optional<CallRow> lock(String callSid) {
    return jdbc.sql(SELECT_CALL + " WHERE call_sid = ? FOR UPDATE")
        .param(callSid)
        .query(CallStore::callRow)
        .optional();
  }

  /** Saves the call's new state, phase and dial plan (null: none) as its next step. */
  public void saveState(UUID callId, CallState state, CallPhase phase, DialPlan dialPlan) {
    jdbc.sql(
            "WITH u AS (UPDATE calls SET state = ?::jsonb, state_version = state_version + 1,"
                + " phase = ?, dial_plan = ?::jsonb WHERE id = ? RETURNING id)"
                + NOTIFY_EACH)
        .params(encode(state), phase.name(), dialPlan == null ? null : encode(dialPlan), callId)
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
    jdbc.sql(
            "WITH u AS (UPDATE calls SET target_id = ?, buyer_id = ?, revenue = ?,"
                + " connected_at = coalesce(connected_at, now()), talk_seconds = ? WHERE id = ?"
                + " RETURNING id)"
                + NOTIFY_EACH)
        .params(targetId, buyerId, revenue, talkSeconds, callId)
        .query()
        .listOfRows();
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
                    instant(rs, "ended_at"),
                    instant(rs, "settled_at"),
                    rs.getBoolean("awaiting")))
        .optional();
  }

  public void markSettled(UUID callId) {
    jdbc.sql("UPDATE calls SET settled_at = now() WHERE id = ? AND settled_at IS NULL")
        .param(callId)
        .update();
  }

  /** The flow versions that calls not yet settled (in progress, or ended and not billed) run on. */
  public java.util.Set<Long> versionIdsOfUnsettledCalls() {
    return new java.util.HashSet<>(
        jdbc.sql(
                "SELECT DISTINCT flow_version_id FROM calls WHERE flow_version_id IS NOT NULL"
                    + " AND (ended_at IS NULL OR settled_at IS NULL)")
            .query(Long.class)
            .list());
  }

  /** Calls whose end is stored but that are not settled, oldest end first. */
  public List<UUID> endedNotSettled(int limit) {
    return jdbc.sql(
            "SELECT id FROM calls WHERE ended_at IS NOT NULL AND settled_at IS NULL"
                + " ORDER BY ended_at LIMIT ?")
        .param(limit)
        .query(UUID.class)
        .list();
  }

  /** A call whose end was never reported. */
  public record OpenCall(UUID id, String callSid, Instant startedAt) {}

  /** Calls started before {@code startedBefore} whose end was never reported, oldest first. */
  public List<OpenCall> notEnded(Instant startedBefore, int limit) {
    return jdbc.sql(
            "SELECT id, call_sid, started_at FROM calls WHERE ended_at IS NULL AND started_at < ?"
                + " ORDER BY started_at LIMIT ?")
        .params(Timestamp.from(startedBefore), limit)
        .query(
            (rs, i) ->
                new OpenCall(
                    rs.getObject("id", UUID.class),
                    rs.getString("call_sid"),
                    instant(rs, "started_at")))
        .list();
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

  /** Appends routing trace rows after those the call already has, in one statement. */
  public void appendTrace(UUID callId, List<TraceEntry> rows) {
    if (rows.isEmpty()) {
      return;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO routing_trace (call_id, seq, node_id, target_id, kind, outcome, reason,"
                + " bid_amount, latency_ms, http_status, detail) SELECT v.call_id, base.n + v.i,"
                + " v.node_id, v.target_id, v.kind, v.outcome, v.reason, v.bid_amount,"
                + " v.latency_ms, v.http_status, v.detail::jsonb FROM (SELECT coalesce(max(seq), 0)"
                + " AS n FROM routing_trace WHERE call_id = ?) base, (SELECT ?::uuid AS call_id, v.*"
                + " FROM (VALUES ");
    List<Object> params = new java.util.ArrayList<>();
    params.add(callId);
    params.add(callId);
    appendTraceValues(sql, params, rows);
    sql.append(
        ") AS v(i, node_id, target_id, kind, outcome, reason, bid_amount, latency_ms, http_status,"
            + " detail)) v");
    jdbc.sql(sql.toString()).params(params).update();
  }

  /**
   * A new call's values in the column order both inserts use: id … state, then the dial plan when
   * {@code withDialPlan}, then started_at and currency.
   */
  private static List<Object> callColumns(NewCall call, boolean withDialPlan, String dialPlan) {
    List<Object> values =
        new java.util.ArrayList<>(
            java.util.Arrays.asList(
                call.id(),
                call.callSid(),
                call.trackingNumber(),
                call.campaignId(),
                call.publisherId(),
                call.flowVersionId(),
                call.callerNumber(),
                call.callerCity(),
                call.callerState(),
                call.callerZip(),
                call.callerCountry(),
                call.phase().name(),
                call.state() == null ? "{}" : encode(call.state())));
    if (withDialPlan) {
      values.add(dialPlan);
    }
    values.add(Timestamp.from(call.startedAt()));
    values.add(call.currency());
    return values;
  }

  /** Rows numbered from 1: {@code (i, node_id, …, detail)} with their parameters. */
  private void appendTraceValues(StringBuilder sql, List<Object> params, List<TraceEntry> rows) {
    int i = 0;
    for (TraceEntry row : rows) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?::numeric, ?::int, ?::int, ?)");
      params.add(++i);
      params.add(row.nodeId());
      params.add(row.targetId());
      params.add(row.kind().code());
      params.add(row.outcome().name());
      params.add(row.reason());
      params.add(row.bidAmount());
      params.add(row.latencyMs());
      params.add(row.httpStatus());
      params.add(write(row.detail() == null ? Map.of() : row.detail()));
    }
  }

  /** The whole story of one call, by CallSid. */
  public Optional<CallReport> report(String callSid) {
    Optional<CallReport.Summary> summary =
        jdbc.sql(
                "SELECT id, call_sid, tracking_number, campaign_id, publisher_id, flow_version_id,"
                    + " caller_number, caller_state, caller_zip, phase, provider_status,"
                    + " started_at, ended_at,"
                    + " total_seconds, ivr_seconds, talk_seconds, target_id, buyer_id, revenue,"
                    + " payout, currency, billable_to_buyer, payable_to_publisher, duplicate,"
                    + " recording_url, recording_seconds FROM calls WHERE call_sid = ?")
            .param(callSid)
            .query(
                (rs, i) ->
                    new CallReport.Summary(
                        rs.getString("id"),
                        rs.getString("call_sid"),
                        rs.getString("tracking_number"),
                        rs.getString("campaign_id"),
                        rs.getString("publisher_id"),
                        (Long) rs.getObject("flow_version_id"),
                        rs.getString("caller_number"),
                        rs.getString("caller_state"),
                        rs.getString("caller_zip"),
                        CallPhase.valueOf(rs.getString("phase"))
                            .shown(rs.getString("provider_status")),
                        instant(rs, "started_at"),
                        instant(rs, "ended_at"),
                        (Integer) rs.getObject("total_seconds"),
                        (Integer) rs.getObject("ivr_seconds"),
                        (Integer) rs.getObject("talk_seconds"),
                        rs.getString("target_id"),
                        rs.getString("buyer_id"),
                        rs.getBigDecimal("revenue"),
                        rs.getBigDecimal("payout"),
                        rs.getString("currency"),
                        (Boolean) rs.getObject("billable_to_buyer"),
                        (Boolean) rs.getObject("payable_to_publisher"),
                        rs.getBoolean("duplicate"),
                        rs.getString("recording_url"),
                        (Integer) rs.getObject("recording_seconds")))
            .optional();
    return summary.map(
        s -> {
          UUID id = UUID.fromString(s.id());
          List<CallReport.Event> events =
              jdbc.sql(
                      "SELECT step_key, kind, created_at, request::text AS request"
                          + " FROM call_events WHERE call_id = ? ORDER BY id")
                  .param(id)
                  .query(
                      (rs, i) ->
                          new CallReport.Event(
                              rs.getString(1),
                              rs.getString(2),
                              instant(rs, "created_at"),
                              answers(rs.getString("request"))))
                  .list();
          List<CallReport.TraceRow> trace =
              jdbc.sql(
                      "SELECT seq, node_id, target_id, kind, outcome, reason, bid_amount,"
                          + " latency_ms, http_status, detail::text AS detail FROM routing_trace"
                          + " WHERE call_id = ? ORDER BY seq")
                  .param(id)
                  .query(
                      (rs, i) ->
                          new CallReport.TraceRow(
                              rs.getInt("seq"),
                              rs.getString("node_id"),
                              rs.getString("target_id"),
                              rs.getString("kind"),
                              rs.getString("outcome"),
                              rs.getString("reason"),
                              rs.getBigDecimal("bid_amount"),
                              (Integer) rs.getObject("latency_ms"),
                              (Integer) rs.getObject("http_status"),
                              read(rs.getString("detail"))))
                  .list();
          List<CallReport.LedgerRow> ledger =
              jdbc.sql(
                      "SELECT id, kind, party_type, party_id, amount, currency, rule_ref,"
                          + " description, corrects_id, created_at FROM ledger_entries"
                          + " WHERE call_id = ? ORDER BY id")
                  .param(id)
                  .query(
                      (rs, i) ->
                          new CallReport.LedgerRow(
                              rs.getLong("id"),
                              rs.getString("kind"),
                              rs.getString("party_type"),
                              rs.getString("party_id"),
                              rs.getBigDecimal("amount"),
                              rs.getString("currency"),
                              rs.getString("rule_ref"),
                              rs.getString("description"),
                              (Long) rs.getObject("corrects_id"),
                              instant(rs, "created_at")))
                  .list();
          return new CallReport(s, events, trace, ledger);
        });
  }

  /** The webhook parameters an operator reads in a call's timeline, in this order. */
  private static final List<String> ANSWERS =
      List.of(
          "Digits",
          "SpeechResult",
          "Confidence",
          "DialCallStatus",
          "DialCallDuration",
          "CallStatus",
          "CallDuration",
          "RecordingStatus",
          "RecordingDuration",
          "AnsweredBy");

  private Map<String, String> answers(String request) {
    Map<String, String> all;
    try {
      all = request == null ? Map.of() : json.readValue(request, STRING_MAP);
    } catch (Exception e) {
      return Map.of();
    }
    Map<String, String> picked = new java.util.LinkedHashMap<>();
    for (String key : ANSWERS) {
      if (all.get(key) != null && !all.get(key).isEmpty()) {
        picked.put(key, all.get(key));
      }
    }
    return picked;
  }

  private static CallRow callRow(ResultSet rs, int i) throws SQLException {
    return new CallRow(
        rs.getObject("id", UUID.class),
        rs.getString("call_sid"),
        rs.getString("campaign_id"),
        rs.getString("publisher_id"),
        (Long) rs.getObject("flow_version_id"),
        CallPhase.valueOf(rs.getString("phase")),
        rs.getString("state"),
        rs.getInt("state_version"),
        instant(rs, "started_at"),
        instant(rs, "ended_at"),
        rs.getString("target_id"),
        rs.getString("buyer_id"),
        rs.getBigDecimal("revenue"),
        (Integer) rs.getObject("talk_seconds"),
        rs.getString("dial_plan"));
  }

  private Arrival arrival(ResultSet rs, int i) throws SQLException {
    String number = rs.getString(2);
    Optional<TrackingNumber> trackingNumber =
        number == null
            ? Optional.empty()
            : Optional.of(
                new TrackingNumber(
                    number, rs.getString(3), rs.getString(4), readTags(rs.getString(5))));
    return new Arrival(
        Optional.ofNullable(rs.getString(1)),
        trackingNumber,
        Optional.ofNullable((Long) rs.getObject(6)),
        readHistory(rs.getString(7)));
  }

  /** The rows of {@link #arrival}'s history column: [id, started, campaign, target, buyer, ...]. */
  private List<PriorCall> readHistory(String text) {
    if (text == null) {
      return List.of();
    }
    try {
      List<PriorCall> calls = new ArrayList<>();
      for (JsonNode row : json.readTree(text)) {
        String payout = row.get(7).textValue();
        calls.add(
            new PriorCall(
                row.get(0).textValue(),
                OffsetDateTime.parse(row.get(1).textValue()).toInstant(),
                row.get(2).textValue(),
                row.get(3).textValue(),
                row.get(4).textValue(),
                row.get(5).booleanValue(),
                row.get(6).booleanValue(),
                payout == null ? null : new Money(new BigDecimal(payout), row.get(8).textValue())));
      }
      return calls;
    } catch (Exception e) {
      throw new IllegalStateException("unreadable caller history: " + text, e);
    }
  }

  private Map<String, String> readTags(String text) {
    try {
      return text == null ? Map.of() : json.readValue(text, STRING_MAP);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable source tags: " + text, e);
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalArgumentException("not serialisable as JSON: " + value, e);
    }
  }

  /** Call state and dial plans are written with the rules module's one Jackson configuration. */
  private static String encode(Object value) {
    try {
      return RingtreeJson.mapper().writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private static <T> T decode(String text, Class<T> type) {
    try {
      return RingtreeJson.mapper().readValue(text, type);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable " + type.getSimpleName() + ": " + text, e);
    }
  }

  private Map<String, Object> read(String text) {
    try {
      return text == null ? Map.of() : json.readValue(text, JSON_MAP);
    } catch (Exception e) {
      return Map.of("unreadable", text);
    }
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
