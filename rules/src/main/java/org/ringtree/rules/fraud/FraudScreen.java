package org.ringtree.rules.fraud;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.call.AreaCodeStates;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.UsZips;

/**
 * Runs a policy's defences over a call at the door: what is known before the first prompt (the
 * caller id, the carrier's SHAKEN/STIR verdict, the caller's earlier calls). Every defence that
 * fires is kept with its reason, so the trace shows all of them, not only the one that acted.
 */
public final class FraudScreen {

  private FraudScreen() {}

  public static FraudVerdict screen(
      FraudPolicy policy, Blocklist blocklist, CallFacts call, StirVerstat stir) {
    return screen(policy, blocklist, call, stir, List.of());
  }

  /**
   * As above, with the source's recent calls whose caller ids share this caller's prefix (for the
   * rotating-dialer limit; the runtime reads them in the arrival's one query).
   */
  public static FraudVerdict screen(
      FraudPolicy policy,
      Blocklist blocklist,
      CallFacts call,
      StirVerstat stir,
      List<RotationLimit.PrefixCall> samePrefix) {
    if (policy.actions().isEmpty()) {
      return FraudVerdict.CLEAN;
    }
    List<FraudFinding> found = new ArrayList<>();
    String number = call.caller().number();

    policy
        .actionFor(FraudCheck.BLOCKLIST)
        .ifPresent(
            action ->
                blocklist
                    .match(number)
                    .ifPresent(
                        entry ->
                            found.add(
                                new FraudFinding(
                                    FraudCheck.BLOCKLIST,
                                    action,
                                    "caller "
                                        + number
                                        + " is on the blocklist: "
                                        + entry.shown()))));

    policy
        .actionFor(FraudCheck.VELOCITY)
        .ifPresent(
            action ->
                policy
                    .velocity()
                    .flatMap(limit -> limit.exceededBy(call.arrivedAt(), call.history()))
                    .ifPresent(
                        why -> found.add(new FraudFinding(FraudCheck.VELOCITY, action, why))));

    policy
        .actionFor(FraudCheck.ROTATING_DIALER)
        .ifPresent(
            action ->
                policy
                    .rotation()
                    .flatMap(limit -> limit.exceededBy(number, call.arrivedAt(), samePrefix))
                    .ifPresent(
                        why ->
                            found.add(new FraudFinding(FraudCheck.ROTATING_DIALER, action, why))));

    CallerIdKind kind = CallerIdKind.of(number);
    callerId(policy, kind, CallerIdKind.ANONYMOUS, FraudCheck.ANONYMOUS_CALLER_ID, found);
    callerId(policy, kind, CallerIdKind.INVALID, FraudCheck.INVALID_CALLER_ID, found);
    callerId(policy, kind, CallerIdKind.TOLL_FREE, FraudCheck.TOLL_FREE_CALLER_ID, found);

    if (stir.failed()) {
      policy
          .actionFor(FraudCheck.STIR_FAILED)
          .ifPresent(
              action ->
                  found.add(
                      new FraudFinding(
                          FraudCheck.STIR_FAILED,
                          action,
                          "SHAKEN/STIR verification failed (" + stir.wire() + ")")));
    } else {
      Optional<Character> level = stir.passedAt();
      boolean attested = level.map(l -> l <= policy.minimumAttestation()).orElse(false);
      if (!attested) {
        policy
            .actionFor(FraudCheck.STIR_UNATTESTED)
            .ifPresent(
                action ->
                    found.add(
                        new FraudFinding(
                            FraudCheck.STIR_UNATTESTED,
                            action,
                            level
                                .map(
                                    l ->
                                        "SHAKEN/STIR attestation "
                                            + l
                                            + " is below the policy's minimum "
                                            + policy.minimumAttestation())
                                .orElse(
                                    stir == StirVerstat.ABSENT
                                        ? "no SHAKEN/STIR verification came with the call"
                                        : "SHAKEN/STIR: " + stir.wire()))));
      }
    }
    return new FraudVerdict(found);
  }

  /**
   * The checks that need what the IVR learnt, run when the call reaches its route node: the caller
   * id's area-code state against the state of the zip known then (the one the caller entered, else
   * the carrier's). A caller id that is no valid US number, or a zip that is no real US zip, is not
   * a mismatch: there is nothing to compare.
   */
  public static FraudVerdict beforeRouting(FraudPolicy policy, CallFacts call) {
    Optional<FraudAction> action = policy.actionFor(FraudCheck.GEO_MISMATCH);
    if (action.isEmpty()) {
      return FraudVerdict.CLEAN;
    }
    String number = call.caller().number();
    if (CallerIdKind.of(number) != CallerIdKind.VALID) {
      return FraudVerdict.CLEAN;
    }
    Optional<String> areaState = AreaCodeStates.state(number);
    Optional<UsZips.Place> zip = UsZips.shared().find(call.caller().zip());
    if (areaState.isEmpty() || zip.isEmpty() || areaState.get().equals(zip.get().state())) {
      return FraudVerdict.CLEAN;
    }
    return new FraudVerdict(
        List.of(
            new FraudFinding(
                FraudCheck.GEO_MISMATCH,
                action.get(),
                "caller id "
                    + number
                    + " is a "
                    + areaState.get()
                    + " number but the zip "
                    + zip.get().zip()
                    + " is in "
                    + zip.get().state())));
  }

  private static void callerId(
      FraudPolicy policy,
      CallerIdKind kind,
      CallerIdKind caught,
      FraudCheck check,
      List<FraudFinding> found) {
    if (kind == caught) {
      policy
          .actionFor(check)
          .ifPresent(
              action -> found.add(new FraudFinding(check, action, "caller id is " + kind.shown())));
    }
  }
}
