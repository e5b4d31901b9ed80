package org.ringtree.runtime.billing;

import org.ringtree.runtime.audit.AuditLogStore;
import org.springframework.stereotype.Repository;

/**
 * The money endpoints' door to the audit log ({@link AuditLogStore}): who did what to which object,
 * with the state before and after as JSON. The actor is the signed-in user the endpoint was called
 * as.
 */
@Repository
public class Audit {

  private final AuditLogStore log;

  Audit(AuditLogStore log) {
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
}
