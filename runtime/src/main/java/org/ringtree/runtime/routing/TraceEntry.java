package org.ringtree.runtime.routing;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One line of a call's trace as it will be stored: IVR steps, every candidate and skip with its
 * reason, every ping, every dialled leg, the billing decision.
 */
public record TraceEntry(
    String nodeId,
    String targetId,
    String kind,
    String outcome,
    String reason,
    BigDecimal bidAmount,
    Integer latencyMs,
    Integer httpStatus,
    Map<String, Object> detail) {

  public static TraceEntry of(
      String nodeId, String targetId, String kind, String outcome, String reason) {
    return new TraceEntry(nodeId, targetId, kind, outcome, reason, null, null, null, Map.of());
  }
}
