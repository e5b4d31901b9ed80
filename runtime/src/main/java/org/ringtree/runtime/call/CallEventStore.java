package org.ringtree.runtime.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each webhook of a call with the answer we gave, keyed by its step: a replayed webhook gets the
 * same answer, and a step is recorded once.
 */
@Repository
@Store(owns = "call_events")
public class CallEventStore {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  CallEventStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
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

  /**
   * The first webhook's event as a clause of {@link CallStore#insertFirstStep}'s statement: it
   * takes the call's id from that statement's {@code c} (the inserted call), so a call that already
   * existed records nothing here either.
   */
  SqlClause firstEvent(
      String callSid, String stepKey, String kind, Map<String, String> request, String response) {
    return new SqlClause(
        ", e AS (INSERT INTO call_events (call_sid, call_id, step_key, kind, request, response)"
            + " SELECT ?, c.id, ?, ?, ?::jsonb, ? FROM c"
            + " ON CONFLICT (call_sid, step_key) DO NOTHING)",
        Arrays.asList(callSid, stepKey, kind, write(request), response));
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalArgumentException("not serialisable as JSON: " + value, e);
    }
  }
}
