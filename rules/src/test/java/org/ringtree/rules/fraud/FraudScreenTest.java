package org.ringtree.rules.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.fraud.BlockEntry.Kind;

class FraudScreenTest {

  private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");
  private static final Blocklist LIST =
      new Blocklist(List.of(new BlockEntry(Kind.NUMBER, "+15125550111", "litigator")));

  private static CallFacts call(String from, int earlierCallsInLastMinutes) {
    List<PriorCall> history = new ArrayList<>();
    for (int i = 1; i <= earlierCallsInLastMinutes; i++) {
      history.add(
          new PriorCall(
              "c" + i,
              NOW.minusSeconds(60L * i),
              "other-campaign",
              null,
              null,
              false,
              false,
              null));
    }
    return new CallFacts(
        "call-1",
        "pi-accidents",
        "pub",
        "+18885550101",
        Caller.of(from, "TX", "78701"),
        Map.of(),
        Map.of(),
        NOW,
        history);
  }

  private static FraudPolicy policy(Map<FraudCheck, FraudAction> actions) {
    return new FraudPolicy(
        actions, Optional.of(new VelocityLimit(3, Duration.ofMinutes(10))), 'B', null);
  }

  @Test
  void aPolicyWithNothingOnLetsEveryCallThrough() {
    assertThat(
            FraudScreen.screen(
                FraudPolicy.OFF, LIST, call("+15125550111", 9), StirVerstat.FAILED_A))
        .isEqualTo(FraudVerdict.CLEAN);
  }

  @Test
  void aBlockedCallerIsRejectedWithTheEntryThatCaughtIt() {
    FraudVerdict v =
        FraudScreen.screen(
            policy(Map.of(FraudCheck.BLOCKLIST, FraudAction.REJECT)),
            LIST,
            call("+15125550111", 0),
            StirVerstat.PASSED_A);

    assertThat(v.action()).contains(FraudAction.REJECT);
    assertThat(v.findings())
        .containsExactly(
            new FraudFinding(
                FraudCheck.BLOCKLIST,
                FraudAction.REJECT,
                "caller +15125550111 is on the blocklist: number +15125550111 (litigator)"));
    assertThat(v.payable()).isFalse();
  }

  @Test
  void theFourthCallInTenMinutesIsOverALimitOfThreeAcrossCampaigns() {
    FraudPolicy p = policy(Map.of(FraudCheck.VELOCITY, FraudAction.ROUTE_NOT_PAYABLE));

    assertThat(FraudScreen.screen(p, LIST, call("+13105551909", 2), StirVerstat.PASSED_A).clean())
        .isTrue();
    FraudVerdict fourth =
        FraudScreen.screen(p, LIST, call("+13105551909", 3), StirVerstat.PASSED_A);
    assertThat(fourth.findings())
        .extracting(FraudFinding::reason)
        .containsExactly("the caller called 4 times in 10 minutes (limit 3)");
    assertThat(fourth.payable()).isFalse();
    assertThat(fourth.action().orElseThrow().stopsTheCall()).isFalse();
  }

  @Test
  void callsOutsideTheWindowDoNotCount() {
    CallFacts old =
        new CallFacts(
            "call-1",
            "c",
            "p",
            "+18885550101",
            Caller.of("+13105551909", "CA", null),
            Map.of(),
            Map.of(),
            NOW,
            List.of(
                new PriorCall(
                    "a", NOW.minus(Duration.ofMinutes(11)), "c", null, null, false, false, null),
                new PriorCall(
                    "b", NOW.minus(Duration.ofMinutes(30)), "c", null, null, false, false, null),
                new PriorCall(
                    "d", NOW.minus(Duration.ofHours(2)), "c", null, null, false, false, null),
                new PriorCall(
                    "e", NOW.minus(Duration.ofMinutes(5)), "c", null, null, false, false, null)));
    FraudPolicy p = policy(Map.of(FraudCheck.VELOCITY, FraudAction.REJECT));

    assertThat(FraudScreen.screen(p, LIST, old, StirVerstat.PASSED_A).clean()).isTrue();
  }

  @Test
  void callerIdChecksFireOnlyForTheirKind() {
    FraudPolicy p =
        policy(
            Map.of(
                FraudCheck.ANONYMOUS_CALLER_ID, FraudAction.MESSAGE_AND_HANG_UP,
                FraudCheck.INVALID_CALLER_ID, FraudAction.REJECT,
                FraudCheck.TOLL_FREE_CALLER_ID, FraudAction.FLAG_FOR_REVIEW));

    assertThat(FraudScreen.screen(p, LIST, call("anonymous", 0), StirVerstat.PASSED_A).action())
        .contains(FraudAction.MESSAGE_AND_HANG_UP);
    assertThat(FraudScreen.screen(p, LIST, call("+10125550111", 0), StirVerstat.PASSED_A).action())
        .contains(FraudAction.REJECT);
    FraudVerdict tollFree =
        FraudScreen.screen(p, LIST, call("+18005551234", 0), StirVerstat.PASSED_A);
    assertThat(tollFree.action()).contains(FraudAction.FLAG_FOR_REVIEW);
    assertThat(tollFree.payable()).isTrue();
    assertThat(tollFree.findings().get(0).reason()).isEqualTo("caller id is a toll-free number");
    assertThat(FraudScreen.screen(p, LIST, call("+13105551909", 0), StirVerstat.PASSED_A).clean())
        .isTrue();
  }

  @Test
  void shakenStirFailedAndUnattestedAreTheirOwnChecksAgainstTheMinimumLevel() {
    FraudPolicy p =
        policy(
            Map.of(
                FraudCheck.STIR_FAILED, FraudAction.REJECT,
                FraudCheck.STIR_UNATTESTED, FraudAction.ROUTE_NOT_PAYABLE));
    String from = "+13105551909";

    assertThat(FraudScreen.screen(p, LIST, call(from, 0), StirVerstat.FAILED_A).findings())
        .extracting(FraudFinding::reason)
        .containsExactly("SHAKEN/STIR verification failed (TN-Validation-Failed-A)");
    assertThat(FraudScreen.screen(p, LIST, call(from, 0), StirVerstat.PASSED_B).clean()).isTrue();
    assertThat(FraudScreen.screen(p, LIST, call(from, 0), StirVerstat.PASSED_C).findings())
        .extracting(FraudFinding::reason)
        .containsExactly("SHAKEN/STIR attestation C is below the policy's minimum B");
    assertThat(FraudScreen.screen(p, LIST, call(from, 0), StirVerstat.ABSENT).findings())
        .extracting(FraudFinding::reason)
        .containsExactly("no SHAKEN/STIR verification came with the call");
    assertThat(FraudScreen.screen(p, LIST, call(from, 0), StirVerstat.NO_VALIDATION).findings())
        .extracting(FraudFinding::reason)
        .containsExactly("SHAKEN/STIR: No-TN-Validation");
  }

  @Test
  void everyDefenceThatFiresIsKeptAndTheStrongestActs() {
    FraudPolicy p =
        policy(
            Map.of(
                FraudCheck.BLOCKLIST, FraudAction.FLAG_FOR_REVIEW,
                FraudCheck.VELOCITY, FraudAction.REJECT,
                FraudCheck.STIR_UNATTESTED, FraudAction.ROUTE_NOT_PAYABLE));

    FraudVerdict v = FraudScreen.screen(p, LIST, call("+15125550111", 5), StirVerstat.ABSENT);

    assertThat(v.findings())
        .extracting(FraudFinding::check)
        .containsExactly(FraudCheck.BLOCKLIST, FraudCheck.VELOCITY, FraudCheck.STIR_UNATTESTED);
    assertThat(v.action()).contains(FraudAction.REJECT);
  }

  @Test
  void aCampaignOverridesTheNetworkCheckByCheck() {
    FraudPolicy network =
        new FraudPolicy(
            Map.of(
                FraudCheck.BLOCKLIST, FraudAction.REJECT, FraudCheck.VELOCITY, FraudAction.REJECT),
            Optional.of(new VelocityLimit(5, Duration.ofHours(1))),
            'B',
            "Network message.");
    FraudPolicy campaign =
        new FraudPolicy(
            Map.of(FraudCheck.VELOCITY, FraudAction.FLAG_FOR_REVIEW),
            Optional.of(new VelocityLimit(2, Duration.ofMinutes(10))),
            'C',
            null);

    FraudPolicy merged = network.overriddenBy(campaign);

    assertThat(merged.actions())
        .containsEntry(FraudCheck.BLOCKLIST, FraudAction.REJECT)
        .containsEntry(FraudCheck.VELOCITY, FraudAction.FLAG_FOR_REVIEW);
    assertThat(merged.velocity()).contains(new VelocityLimit(2, Duration.ofMinutes(10)));
    assertThat(merged.minimumAttestation()).isEqualTo('B');
    assertThat(merged.message()).isEqualTo("Network message.");
  }

  @Test
  void stirVerstatReadsTwiliosValues() {
    assertThat(StirVerstat.of("TN-Validation-Passed-A")).isEqualTo(StirVerstat.PASSED_A);
    assertThat(StirVerstat.of("tn-validation-failed-b")).isEqualTo(StirVerstat.FAILED_B);
    assertThat(StirVerstat.of("TN-Validation-Failed")).isEqualTo(StirVerstat.FAILED_C);
    assertThat(StirVerstat.of("No-TN-Validation")).isEqualTo(StirVerstat.NO_VALIDATION);
    assertThat(StirVerstat.of(null)).isEqualTo(StirVerstat.ABSENT);
    assertThat(StirVerstat.of("something else")).isEqualTo(StirVerstat.ABSENT);
  }
}
