package org.ringtree.runtime.fraud;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.fraud.FraudAction;
import org.ringtree.rules.fraud.FraudFinding;
import org.ringtree.rules.fraud.FraudPolicy;
import org.ringtree.rules.fraud.FraudScreen;
import org.ringtree.rules.fraud.FraudVerdict;
import org.ringtree.rules.fraud.RotationLimit.PrefixCall;
import org.ringtree.rules.fraud.StirVerstat;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.springframework.stereotype.Service;

/**
 * Screens a call at the door with the policy of its campaign (the network's, overridden) and the
 * blocklist, both from memory: no query. The findings become the first lines of the call's trace;
 * settling asks here whether the publisher may be paid.
 */
@Service
public class FraudDefences {

  private final FraudSettings settings;
  private final FraudStore store;

  FraudDefences(FraudSettings settings, FraudStore store) {
    this.settings = settings;
    this.store = store;
  }

  /** What the defences found, and what the caller hears if the call is stopped with a message. */
  public record Screening(FraudVerdict verdict, String message) {

    public Optional<FraudAction> action() {
      return verdict.action();
    }

    public boolean stopsTheCall() {
      return verdict.action().map(FraudAction::stopsTheCall).orElse(false);
    }

    /** One trace line per finding, its outcome the action that finding asks for. */
    public List<TraceEntry> trace() {
      return verdict.findings().stream().map(Screening::line).toList();
    }

    private static TraceEntry line(FraudFinding f) {
      return TraceEntry.of(null, null, TraceKind.FRAUD, outcome(f.action()), f.reason())
          .detailed(Map.of("check", f.check().name(), "action", f.action().name()));
    }
  }

  /** The trace outcome of an action. */
  public static TraceOutcome outcome(FraudAction action) {
    return switch (action) {
      case REJECT -> TraceOutcome.REJECTED;
      case MESSAGE_AND_HANG_UP -> TraceOutcome.HUNG_UP;
      case ROUTE_NOT_PAYABLE -> TraceOutcome.NOT_PAYABLE;
      case FLAG_FOR_REVIEW -> TraceOutcome.FLAGGED;
    };
  }

  /** Screens a call that has arrived (its facts as the flow will see them). */
  public Screening screen(CallFacts call, StirVerstat stir) {
    return screen(call, stir, List.of());
  }

  /**
   * Screens a call that has arrived, with its source's recent calls whose caller ids share the
   * caller's prefix (read in the arrival's one query, as far back as {@link #rotationLookBack}).
   */
  public Screening screen(CallFacts call, StirVerstat stir, List<PrefixCall> samePrefix) {
    FraudSettings.Snapshot s = settings.current();
    FraudPolicy policy = s.policyFor(call.campaignId());
    return new Screening(
        FraudScreen.screen(
            policy, s.blocklist(), call, stir == null ? StirVerstat.ABSENT : stir, samePrefix),
        policy.message());
  }

  /**
   * How far back the arrival reads a source's calls sharing the caller's prefix: the longest
   * rotating-dialer window any policy sets, zero when no policy sets one (nothing is read then).
   */
  public Duration rotationLookBack() {
    return settings.current().rotationLookBack();
  }

  /**
   * The checks that need the IVR's answers (the zip), run when the call reaches a route node: a
   * finding that stops the call plays the policy's message and hangs up (the call is answered, so
   * {@code <Reject>} is no longer possible); a not-payable finding is settled like one at the door.
   */
  public Screening beforeRouting(CallFacts call) {
    FraudPolicy policy = settings.current().policyFor(call.campaignId());
    return new Screening(FraudScreen.beforeRouting(policy, call), policy.message());
  }

  /**
   * Why the publisher of this call is not paid (its not-payable findings, joined); empty when the
   * defences let it be paid.
   */
  public Optional<String> notPayable(UUID callId) {
    List<String> reasons = store.notPayableReasons(callId);
    return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
  }
}
