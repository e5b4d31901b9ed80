package org.ringtree.rules.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.fraud.RotationLimit.PrefixCall;

class RotatingDialerAndGeoMismatchTest {

  private static final Instant NOW = Instant.parse("2026-12-06T15:00:00Z");

  private static CallFacts call(String from, String zip) {
    return new CallFacts(
        "call-1",
        "auto",
        "pub",
        "+18885550101",
        Caller.of(from, null, zip),
        Map.of(),
        Map.of(),
        NOW,
        List.of());
  }

  private static FraudPolicy policy(FraudCheck check, FraudAction action) {
    return new FraudPolicy(
        Map.of(check, action),
        Optional.empty(),
        'C',
        null,
        Optional.of(new RotationLimit(3, Duration.ofMinutes(30))));
  }

  private static PrefixCall earlier(String number, long minutesAgo) {
    return new PrefixCall(number, NOW.minusSeconds(60 * minutesAgo));
  }

  @Test
  void aFourthNumberSharingThePrefixInTheWindowTripsALimitOfThree() {
    FraudPolicy p = policy(FraudCheck.ROTATING_DIALER, FraudAction.REJECT);
    List<PrefixCall> recent =
        List.of(
            earlier("+15125550101", 5), earlier("+15125550177", 10), earlier("+15125550342", 20));

    FraudVerdict v =
        FraudScreen.screen(
            p, Blocklist.EMPTY, call("+15125550999", null), StirVerstat.PASSED_A, recent);

    assertThat(v.action()).contains(FraudAction.REJECT);
    assertThat(v.findings())
        .containsExactly(
            new FraudFinding(
                FraudCheck.ROTATING_DIALER,
                FraudAction.REJECT,
                "4 different numbers starting +15125550 from this source in 30 minutes (limit 3)"));
  }

  @Test
  void callsOutsideTheWindowTheSameNumberAndOtherPrefixesDoNotCount() {
    FraudPolicy p = policy(FraudCheck.ROTATING_DIALER, FraudAction.REJECT);
    List<PrefixCall> recent =
        List.of(
            earlier("+15125550101", 5),
            earlier("+15125550999", 6), // the caller itself, again
            earlier("+15125550999", 7),
            earlier("+15125550177", 31), // before the window
            earlier("+15125551177", 2)); // another prefix (ninth digit differs)

    assertThat(
            FraudScreen.screen(
                    p, Blocklist.EMPTY, call("+15125550999", null), StirVerstat.PASSED_A, recent)
                .clean())
        .isTrue();
  }

  @Test
  void aCallerIdThatIsNoUsNumberHasNoPrefixToCount() {
    RotationLimit limit = new RotationLimit(2, Duration.ofMinutes(5));
    assertThat(RotationLimit.prefixOf("anonymous")).isEmpty();
    assertThat(RotationLimit.prefixOf("+4420794600")).isEmpty();
    assertThat(limit.exceededBy("anonymous", NOW, List.of(earlier("anonymous", 1)))).isEmpty();
  }

  @Test
  void aRotatingDialerCheckNeedsALimitAndTheLimitIsSane() {
    assertThatThrownBy(
            () ->
                new FraudPolicy(
                    Map.of(FraudCheck.ROTATING_DIALER, FraudAction.FLAG_FOR_REVIEW),
                    Optional.empty(),
                    'C',
                    null))
        .hasMessageContaining("needs a limit");
    assertThatThrownBy(() -> new RotationLimit(1, Duration.ofMinutes(5)))
        .hasMessageContaining("at least 2");
    assertThatThrownBy(() -> new RotationLimit(3, Duration.ofHours(25)))
        .hasMessageContaining("24 hours");
  }

  @Test
  void aCampaignsRotationLimitReplacesTheNetworks() {
    FraudPolicy network = policy(FraudCheck.ROTATING_DIALER, FraudAction.FLAG_FOR_REVIEW);
    FraudPolicy campaign =
        new FraudPolicy(
            Map.of(),
            Optional.empty(),
            'C',
            null,
            Optional.of(new RotationLimit(8, Duration.ofHours(2))));
    assertThat(network.overriddenBy(campaign).rotation())
        .contains(new RotationLimit(8, Duration.ofHours(2)));
    assertThat(network.overriddenBy(FraudPolicy.OFF).rotation())
        .contains(new RotationLimit(3, Duration.ofMinutes(30)));
  }

  @Test
  void aTexasNumberWithAFloridaZipIsAGeoMismatchBeforeRouting() {
    FraudVerdict v =
        FraudScreen.beforeRouting(
            policy(FraudCheck.GEO_MISMATCH, FraudAction.ROUTE_NOT_PAYABLE),
            call("+15125550999", "33130"));

    assertThat(v.action()).contains(FraudAction.ROUTE_NOT_PAYABLE);
    assertThat(v.findings().get(0).reason())
        .isEqualTo("caller id +15125550999 is a TX number but the zip 33130 is in FL");
  }

  @Test
  void aMatchingZipAnUnknownZipOrAnInvalidCallerIdIsNoMismatch() {
    FraudPolicy p = policy(FraudCheck.GEO_MISMATCH, FraudAction.MESSAGE_AND_HANG_UP);
    assertThat(FraudScreen.beforeRouting(p, call("+15125550999", "78701")).clean()).isTrue();
    assertThat(FraudScreen.beforeRouting(p, call("+15125550999", "00000")).clean()).isTrue();
    assertThat(FraudScreen.beforeRouting(p, call("+15125550999", null)).clean()).isTrue();
    assertThat(FraudScreen.beforeRouting(p, call("anonymous", "33130")).clean()).isTrue();
    assertThat(
            FraudScreen.beforeRouting(
                    policy(FraudCheck.STIR_FAILED, FraudAction.REJECT),
                    call("+15125550999", "33130"))
                .clean())
        .isTrue();
  }

  @Test
  void theDoorDoesNotCheckGeoAndGeoCannotReject() {
    assertThat(
            FraudScreen.screen(
                    policy(FraudCheck.GEO_MISMATCH, FraudAction.FLAG_FOR_REVIEW),
                    Blocklist.EMPTY,
                    call("+15125550999", "33130"),
                    StirVerstat.PASSED_A)
                .clean())
        .isTrue();
    assertThatThrownBy(() -> policy(FraudCheck.GEO_MISMATCH, FraudAction.REJECT))
        .hasMessageContaining("<Reject> is no longer possible");
  }
}
