package org.ringtree.runtime.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ringtree.rules.json.RingtreeJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends to the audit log (append-only by trigger): who did what to which object, with the state
 * before and after as JSON. Until authentication lands, the actor is whatever the caller put in the
 * {@value #ACTOR_HEADER} header.
 */
@Repository
public class Audit {

  public static final String ACTOR_HEADER = "X-Ringtree-User";
  private static final ObjectMapper JSON = RingtreeJson.mapper();

  private final JdbcClient jdbc;

  Audit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(
      String actor,
      String action,
      String objectType,
      String objectId,
      Object before,
      Object after) {
    jdbc.sql(
            "INSERT INTO audit_log (actor, action, object_type, object_id, before, after)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)")
        .params(actor, action, objectType, objectId, json(before), json(after))
        .update();
  }

  static String json(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot audit " + value.getClass().getSimpleName(), e);
    }
  }

  /** A blank or missing actor is refused: every money step names who did it. */
  public static String requireActor(String actor) {
    if (actor == null || actor.isBlank() || actor.length() > 200) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "name yourself in the " + ACTOR_HEADER + " header");
    }
    return actor.strip();
  }
}
