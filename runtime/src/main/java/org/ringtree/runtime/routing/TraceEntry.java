package org.ringtree.runtime.routing;

import java.math.BigDecimal;
import java.util.Map;
import org.ringtree.rules.trace.Justification;

/**
 * One line of a call's trace as it will be stored: IVR steps, every candidate and skip with its
 * reason, every ping, every dialled leg, the billing decision.
 */
public record TraceEntry(
    String nodeId,
    String targetId,
    TraceKind kind,
    TraceOutcome outcome,
    String reason,
    BigDecimal bidAmount,
    Integer latencyMs,
    Integer httpStatus,
    Map<String, Object> detail) {

  public static TraceEntry of(
      String nodeId, String targetId, TraceKind kind, TraceOutcome outcome, String reason) {
    return new TraceEntry(nodeId, targetId, kind, outcome, reason, null, null, null, Map.of());
  }

  /**
   * The one mapping of a decision's justification to a trace line: its node, verdict, sentence and
   * the rule that decided ({@code detail.rule}). The subject is not the target unless {@link
   * #about} says so (an IVR step's subject is its own node).
   */
  public static TraceEntry justified(TraceKind kind, Justification j) {
    return new TraceEntry(
        j.nodeId(),
        null,
        kind,
        TraceOutcome.of(j.verdict()),
        j.message(),
        null,
        null,
        null,
        j.ruleId() == null ? Map.of() : Map.of("rule", j.ruleId()));
  }

  /** This line, about the given target (or buyer, publisher). */
  public TraceEntry about(String target) {
    return new TraceEntry(
        nodeId, target, kind, outcome, reason, bidAmount, latencyMs, httpStatus, detail);
  }

  /** This line with an amount (a bid, a price, revenue or payout). */
  public TraceEntry amounting(BigDecimal amount) {
    return new TraceEntry(
        nodeId, targetId, kind, outcome, reason, amount, latencyMs, httpStatus, detail);
  }

  /** This line with the given detail instead of its own. */
  public TraceEntry detailed(Map<String, Object> replacement) {
    return new TraceEntry(
        nodeId, targetId, kind, outcome, reason, bidAmount, latencyMs, httpStatus, replacement);
  }
}
