package org.ringtree.rules.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.fraud.FraudAction;
import org.ringtree.rules.fraud.FraudCheck;
import org.ringtree.rules.fraud.FraudPolicy;
import org.ringtree.rules.fraud.VelocityLimit;

class SafeguardsTest {

  @Test
  void saysEachCheckThatIsOnAndWhatItDoesInWords() {
    FraudPolicy policy =
        new FraudPolicy(
            Map.of(
                FraudCheck.BLOCKLIST, FraudAction.REJECT,
                FraudCheck.VELOCITY, FraudAction.FLAG_FOR_REVIEW,
                FraudCheck.STIR_UNATTESTED, FraudAction.ROUTE_NOT_PAYABLE,
                FraudCheck.ANONYMOUS_CALLER_ID, FraudAction.MESSAGE_AND_HANG_UP),
            Optional.of(new VelocityLimit(4, Duration.ofMinutes(30))),
            'B',
            "Sorry, we cannot take this call.");

    assertThat(Safeguards.inWords(policy))
        .containsExactly(
            "caller on the blocklist (number, prefix or area code)"
                + " → reject at the door (the call is not answered)",
            "the same caller more than 4 times in 30 minutes, across campaigns"
                + " → route and pay as usual, and flag it for review",
            "caller id withheld (anonymous) → play \"Sorry, we cannot take this call.\" and hang up",
            "no SHAKEN/STIR verification, or attestation below B"
                + " → route it, but the publisher is not paid for it");
  }

  @Test
  void saysTheRotatingDialerLimitAndTheGeoCheckInWords() {
    FraudPolicy policy =
        new FraudPolicy(
            Map.of(
                FraudCheck.ROTATING_DIALER, FraudAction.REJECT,
                FraudCheck.GEO_MISMATCH, FraudAction.ROUTE_NOT_PAYABLE),
            Optional.empty(),
            'C',
            "Sorry, we cannot take this call.",
            Optional.of(new org.ringtree.rules.fraud.RotationLimit(3, Duration.ofHours(1))));

    assertThat(Safeguards.inWords(policy))
        .containsExactly(
            "more than 3 numbers sharing their first 8 digits from one publisher in 1 hour"
                + " (a dialer rotating its last digits)"
                + " → reject at the door (the call is not answered)",
            "caller id's area code in another state than the zip known at the route node"
                + " → route it, but the publisher is not paid for it");
  }

  @Test
  void aPolicyWithNothingOnSaysSo() {
    assertThat(Safeguards.inWords(FraudPolicy.OFF))
        .containsExactly("no fraud check is on: every call is routed and paid as usual");
  }

  @Test
  void namesThePromotedModelWithItsDataAndAucOrThePrior() {
    assertThat(new Safeguards(java.util.List.of(), null).modelInWords())
        .isEqualTo(
            "No score model is promoted: calls are scored by the rule-based prior (prior-1).");
    Safeguards.Model m =
        new Safeguards.Model(
            "score-v7",
            "BILLABLE",
            Instant.parse("2026-11-01T00:00:00Z"),
            Instant.parse("2026-11-30T00:00:00Z"),
            12_000,
            0.8123,
            0.79,
            0.83,
            "admin",
            Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(new Safeguards(java.util.List.of(), m).modelInWords())
        .isEqualTo(
            "Score model score-v7, promoted by admin on 2026-12-01T09:00:00Z: trained on 12000"
                + " billable calls from 2026-11-01T00:00:00Z to 2026-11-30T00:00:00Z; AUC 0.812"
                + " (95% CI 0.790–0.830) on the calls held out of training.");
  }
}
