package org.ringtree.runtime.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.runtime.audit.AuditLog;
import org.springframework.stereotype.Repository;

/**
 * The money endpoints' door to the audit log ({@link AuditLog}): who did what to which object, with
 * the state before and after as JSON. The actor is the signed-in user the endpoint was called as.
 */
@Repository
public class Audit {

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
}
