package org.ringtree.runtime.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One audit row: who did what to which object, and the object before and after. */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String action,
    String objectType,
    String objectId,
    JsonNode before,
    JsonNode after) {}
