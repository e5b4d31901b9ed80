package org.ringtree.runtime.call;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.runtime.routing.DialPlan;

/**
 * A stored call as its webhooks and settling need it. State and dial plan stay JSON until asked
 * for: a lock taken only to check the step never pays for reading them.
 */
public record CallRow(
    UUID id,
    String callSid,
    String campaignId,
    String publisherId,
    Long flowVersionId,
    CallPhase phase,
    String stateJson,
    int stateVersion,
    Instant startedAt,
    Instant endedAt,
    String targetId,
    String buyerId,
    BigDecimal revenue,
    Integer talkSeconds,
    String dialPlanJson) {

  /** Where the call is in its flow; empty for a call that never had one (unrouted). */
  public Optional<CallState> state() {
    return stateJson == null || stateJson.equals("{}")
        ? Optional.empty()
        : Optional.of(decode(stateJson, CallState.class));
  }

  /** The buyer legs of the route node the call is at; null when it never reached one. */
  public DialPlan dialPlan() {
    return dialPlanJson == null ? null : decode(dialPlanJson, DialPlan.class);
  }

  public boolean awaitingDial() {
    DialPlan plan = dialPlan();
    return plan != null && plan.awaitingDial();
  }

  private static <T> T decode(String text, Class<T> type) {
    try {
      return RingtreeJson.mapper().readValue(text, type);
    } catch (Exception e) {
      throw new IllegalStateException("unreadable " + type.getSimpleName() + ": " + text, e);
    }
  }
}
