package org.ringtree.runtime.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.routing.TraceEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A call's routing trace: every decision taken for it, with the reason, numbered in the order it
 * was taken.
 */
@Repository
@Store(owns = "routing_trace", reads = "calls")
public class RoutingTraceStore {

  private static final String VALUES_COLUMNS =
      ") AS v(i, node_id, target_id, kind, outcome, reason, bid_amount, latency_ms, http_status,"
          + " detail)";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  RoutingTraceStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Appends routing trace rows after those the call already has, in one statement. */
  public void appendTrace(UUID callId, List<TraceEntry> rows) {
    append(callId, rows, false);
  }

  /**
   * As {@link #appendTrace}, but only if {@code callId} is a call: an answer that arrives after an
   * auction closed may belong to a supply-side bid (its auction runs before any call exists, and
   * its trace is the bid's own) or to a call already purged.
   *
   * @return whether the rows were appended
   */
  public boolean appendTraceIfCall(UUID callId, List<TraceEntry> rows) {
    return append(callId, rows, true) > 0;
  }

  private int append(UUID callId, List<TraceEntry> rows, boolean onlyIfCall) {
    if (rows.isEmpty()) {
      return 0;
    }
    StringBuilder sql =
        new StringBuilder(
            "INSERT INTO routing_trace (call_id, seq, node_id, target_id, kind, outcome, reason,"
                + " bid_amount, latency_ms, http_status, detail) SELECT v.call_id, base.n + v.i,"
                + " v.node_id, v.target_id, v.kind, v.outcome, v.reason, v.bid_amount,"
                + " v.latency_ms, v.http_status, v.detail::jsonb FROM (SELECT coalesce(max(seq), 0)"
                + " AS n FROM routing_trace WHERE call_id = ?) base, (SELECT ?::uuid AS call_id, v.*"
                + " FROM (VALUES ");
    List<Object> params = new ArrayList<>();
    params.add(callId);
    params.add(callId);
    appendValues(sql, params, rows);
    sql.append(VALUES_COLUMNS).append(") v");
    if (onlyIfCall) {
      sql.append(" WHERE EXISTS (SELECT 1 FROM calls WHERE id = ?)");
      params.add(callId);
    }
    return jdbc.sql(sql.toString()).params(params).update();
  }

  /**
   * The first step's trace as a clause of {@link CallStore#insertFirstStep}'s statement, numbered
   * from 1 for the call that statement inserts ({@code c}); empty when there is no trace.
   */
  SqlClause firstTrace(List<TraceEntry> rows) {
    if (rows.isEmpty()) {
      return new SqlClause("", List.of());
    }
    StringBuilder sql =
        new StringBuilder(
            ", t AS (INSERT INTO routing_trace (call_id, seq, node_id, target_id, kind, outcome,"
                + " reason, bid_amount, latency_ms, http_status, detail) SELECT c.id, v.i,"
                + " v.node_id, v.target_id, v.kind, v.outcome, v.reason, v.bid_amount,"
                + " v.latency_ms, v.http_status, v.detail::jsonb FROM c, (VALUES ");
    List<Object> params = new ArrayList<>();
    appendValues(sql, params, rows);
    sql.append(VALUES_COLUMNS).append(")");
    return new SqlClause(sql.toString(), params);
  }

  /** Rows numbered from 1: {@code (i, node_id, …, detail)} with their parameters. */
  private void appendValues(StringBuilder sql, List<Object> params, List<TraceEntry> rows) {
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

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalArgumentException("not serialisable as JSON: " + value, e);
    }
  }
}
