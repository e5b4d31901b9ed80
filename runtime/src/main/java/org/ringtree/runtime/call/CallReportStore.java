package org.ringtree.runtime.call;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.score.CallScoreStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One call's whole story for the API and the console: the call, its webhooks, its routing trace and
 * the ledger rows it caused. Read only; each table's owner writes it.
 */
@Repository
@Store(reads = {"calls", "call_events", "routing_trace", "ledger_entries"})
public class CallReportStore {

  private static final TypeReference<Map<String, Object>> JSON_MAP = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final CallScoreStore scores;

  CallReportStore(JdbcClient jdbc, ObjectMapper json, CallScoreStore scores) {
    this.jdbc = jdbc;
    this.json = json;
    this.scores = scores;
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
                        CallColumns.instant(rs, "started_at"),
                        CallColumns.instant(rs, "ended_at"),
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
                              CallColumns.instant(rs, "created_at"),
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
                              CallColumns.instant(rs, "created_at")))
                  .list();
          return new CallReport(s, events, trace, ledger, scores.find(id).orElse(null));
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

  private Map<String, Object> read(String text) {
    try {
      return text == null ? Map.of() : json.readValue(text, JSON_MAP);
    } catch (Exception e) {
      return Map.of("unreadable", text);
    }
  }
}
