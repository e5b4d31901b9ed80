package org.ringtree.runtime.audit;

import java.time.Instant;

/**
 * A search of the audit log; every criterion is optional. {@code from} is inclusive, {@code to}
 * exclusive; {@code objectId} and {@code actor} match exactly, {@code action} by prefix (so
 * "directory." finds every directory change).
 */
public record AuditQuery(
    String objectType,
    String objectId,
    String actor,
    String action,
    Instant from,
    Instant to,
    int limit) {

  public static final int MAX_LIMIT = 100_000;

  public AuditQuery {
    limit = limit <= 0 ? 100 : Math.min(limit, MAX_LIMIT);
  }

  public static AuditQuery forObject(String objectType, String objectId) {
    return new AuditQuery(objectType, objectId, null, null, null, null, 1000);
  }
}
