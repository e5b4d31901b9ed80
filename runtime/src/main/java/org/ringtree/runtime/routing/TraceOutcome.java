package org.ringtree.runtime.routing;

import java.util.Locale;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.trace.Justification;

/**
 * How a line of a call's trace came out. The database holds the name, under a CHECK constraint
 * listing every name, so an outcome nobody reads for cannot be stored.
 */
public enum TraceOutcome {
  // a decision's verdict (Justification.Verdict), same names
  STEP,
  SKIPPED,
  ELIGIBLE,
  WINNER,
  PAY,
  NO_PAY,
  // a buyer ping (PingResult.Status), same names
  ACCEPTED,
  DECLINED,
  TIMEOUT,
  ERROR,
  INVALID,
  RATE_LIMITED,
  NOT_WAITED,
  /** A buyer's answer that came after its auction closed: kept so the bid history learns. */
  LATE_ANSWER,
  // a route node
  DEADLINE_CUT,
  OUT_OF_TIME,
  EXHAUSTED,
  // a buyer leg: dialled, answered (the leg's answered event, while it talks), then connected (its
  // end, answered) or the provider's DialCallStatus for a leg not answered
  DIALLING,
  ANSWERED,
  CONNECTED,
  BUSY,
  NO_ANSWER,
  FAILED,
  CANCELED,
  /** A dial result for a call with no leg ringing (a late or foreign one). */
  IGNORED,
  // a connector
  OK,
  // the call's arrival, end and settling
  UNROUTED,
  WAITING,
  NO_DIAL_RESULT,
  NO_STATUS,
  PROVIDER_RECORD,
  // a fraud defence's action (FraudAction), docs/fraud.md
  /** Answered with {@code <Reject>}: not picked up. */
  REJECTED,
  /** The policy's message, then the call ended. */
  HUNG_UP,
  /** Routed, but the publisher is not paid for it. */
  NOT_PAYABLE,
  /** Routed and paid as usual, listed for review. */
  FLAGGED,
  /** The call was scored (docs/score.md); the line says the score, model and reasons. */
  SCORED;

  public static TraceOutcome of(Justification.Verdict verdict) {
    return valueOf(verdict.name());
  }

  public static TraceOutcome of(PingResult.Status status) {
    return valueOf(status.name());
  }

  /** A leg not answered, by the provider's DialCallStatus ({@code no-answer} → NO_ANSWER). */
  public static TraceOutcome ofDialStatus(String dialStatus) {
    return valueOf(dialStatus.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
