package org.ringtree.runtime.routing;

import java.util.UUID;
import org.ringtree.rules.routing.PingResult;

/**
 * A buyer answered a ping after its auction closed (it was not waited for, or passed its cut-off).
 * The call's trace keeps the answer so the bid history — highest bid, slowest answer — learns.
 */
public record LateAnswerArrived(UUID callId, String nodeId, PingResult answer) {

  /** Whether the buyer really answered (a bid or a refusal), rather than its connection failing. */
  public boolean answered() {
    return switch (answer.status()) {
      case ACCEPTED, DECLINED -> true;
      case TIMEOUT -> answer.httpStatus() != null;
      default -> false;
    };
  }
}
