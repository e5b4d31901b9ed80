package org.ringtree.rules.engine;

import java.util.List;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.routing.Candidate;

/**
 * The call reached a route node: the runtime asks {@link DecisionEngine#route} for the ranked
 * candidates, reserves capacity, dials them in turn (at most {@code maxAttempts}), and reports back
 * with {@link CallInput.RouteFinished}.
 */
public record RouteRequest(
    String nodeId,
    String method,
    List<String> targetIds,
    int dialTimeoutSeconds,
    int maxAttempts,
    boolean record,
    long pingDeadlineMillis) {
  public RouteRequest {
    targetIds = List.copyOf(targetIds);
  }

  /** The instruction that dials one ranked candidate with this node's ring time and recording. */
  public CallInstruction.Dial dial(Candidate candidate, String callerId) {
    return new CallInstruction.Dial(
        candidate.targetId(), candidate.dialable(), dialTimeoutSeconds, callerId, record);
  }
}
