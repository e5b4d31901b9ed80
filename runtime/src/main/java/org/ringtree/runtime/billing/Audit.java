package org.ringtree.runtime.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.runtime.audit.AuditLog;
import org.springframework.stereotype.Repository;

/**
 * The money endpoints' door to the audit log ({@link AuditLog}): who did what to which object, with
 * the state before and after as JSON. Until those endpoints sit behind sign-in, the actor is
 * whatever the caller put in the {@value #ACTOR_HEADER} header.
 */
@Repository
public class Audit {

  public static final String ACTOR_HEADER = "X-Ringtree-User";
  private static final ObjectMapper JSON = RingtreeJson.mapper();

  private final AuditLog log;

  Audit(AuditLog log) {
    this.log = log;
  }

  public void record(
      String actor,
      String action,
      String objectType,
      String objectId,
      Object before,
      Object after) {
    log.record(actor, action, objectType, objectId, before, after);
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
