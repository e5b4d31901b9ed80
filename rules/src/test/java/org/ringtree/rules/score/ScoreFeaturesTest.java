package org.ringtree.rules.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.fraud.CallerIdKind;
import org.ringtree.rules.fraud.StirVerstat;

class ScoreFeaturesTest {

  static final Instant NOW = Instant.parse("2026-12-01T20:30:00Z"); // a Tuesday
  static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

  static PriorCall prior(Duration ago, String campaign, boolean converted) {
    return new PriorCall("p", NOW.minus(ago), campaign, null, null, true, converted, null);
  }

  static CallFacts call(Caller caller, List<PriorCall> history) {
    return new CallFacts(
        "c1",
        "auto",
        "pub-1",
        "+18885550100",
        caller,
        Map.of("channel", "search"),
        Map.of("insured", "yes", "zip", "78701"),
        NOW,
        history);
  }

  @Test
  void historyIsCountedOver24HoursAnd30DaysAcrossCampaigns() {
    ScoreFeatures f =
        ScoreFeatures.of(
            call(
                Caller.of("+15125550123", "TX", "78701").placed(),
                List.of(
                    prior(Duration.ofHours(2), "auto", false),
                    prior(Duration.ofHours(20), "debt", true),
                    prior(Duration.ofDays(3), "home", true),
                    prior(Duration.ofDays(29), "auto", false),
                    prior(Duration.ofDays(31), "auto", true),
                    prior(Duration.ofHours(-1), "auto", true))),
            StirVerstat.PASSED_A,
            33,
            0,
            CHICAGO);
    assertThat(f.calls24h()).isEqualTo(2);
    assertThat(f.calls30d()).isEqualTo(4);
    assertThat(f.conversions24h()).isEqualTo(1);
    assertThat(f.conversions30d()).isEqualTo(2);
    assertThat(f.ivrSeconds()).isEqualTo(33);
    assertThat(f.sourceTags()).containsEntry("channel", "search");
    assertThat(f.ivrAnswers()).containsEntry("insured", "yes");
  }

  @Test
  void theHourOfTheWeekIsTheCallersOwnElseTheNetworks() {
    // 20:30 UTC on a Tuesday is 12:30 in Los Angeles and 14:30 in Chicago
    ScoreFeatures la =
        ScoreFeatures.of(
            call(Caller.of("+14155550123", "CA", "94103").placed(), List.of()),
            StirVerstat.ABSENT,
            0,
            0,
            CHICAGO);
    assertThat(la.dayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    assertThat(la.hourOfDay()).isEqualTo(12);
    assertThat(la.hourOfWeek()).isEqualTo(24 + 12);
    ScoreFeatures unknown =
        ScoreFeatures.of(
            call(new Caller("+14155550123", null, null, null, null, "US"), List.of()),
            StirVerstat.ABSENT,
            0,
            0,
            CHICAGO);
    assertThat(unknown.hourOfDay()).isEqualTo(14);
    assertThat(unknown.geo()).isEqualTo(ScoreFeatures.Geo.NO_ZIP);
  }

  @Test
  void theAreaCodesStateIsComparedWithTheZipsState() {
    ScoreFeatures match =
        ScoreFeatures.of(
            call(Caller.of("+15125550123", "TX", "78701"), List.of()),
            StirVerstat.PASSED_A,
            0,
            0,
            CHICAGO);
    assertThat(match.areaCodeState()).isEqualTo("TX");
    assertThat(match.zipState()).isEqualTo("TX");
    assertThat(match.geo()).isEqualTo(ScoreFeatures.Geo.MATCH);
    ScoreFeatures mismatch =
        ScoreFeatures.of(
            call(Caller.of("+13055550123", "FL", "78701"), List.of()),
            StirVerstat.PASSED_A,
            0,
            0,
            CHICAGO);
    assertThat(mismatch.geo()).isEqualTo(ScoreFeatures.Geo.MISMATCH);
    ScoreFeatures anonymous =
        ScoreFeatures.of(
            call(Caller.of("anonymous", null, "78701"), List.of()),
            StirVerstat.ABSENT,
            0,
            0,
            CHICAGO);
    assertThat(anonymous.callerId()).isEqualTo(CallerIdKind.ANONYMOUS);
    assertThat(anonymous.areaCode()).isNull();
    assertThat(anonymous.geo()).isEqualTo(ScoreFeatures.Geo.NO_AREA_STATE);
  }

  @Test
  void impossibleFeaturesAreRefused() {
    assertThatThrownBy(() -> withCounts(168, 0, 0)).hasMessageContaining("0..167");
    assertThatThrownBy(() -> withCounts(0, 3, 2)).hasMessageContaining("30 days");
    assertThatThrownBy(() -> withCounts(-1, 0, 0)).hasMessageContaining("0..167");
    ScoreFeatures defaults =
        new ScoreFeatures(
            null,
            null,
            null,
            0,
            0,
            0,
            0,
            0,
            null,
            null,
            null,
            null,
            null,
            CallerIdKind.VALID,
            null,
            0,
            0);
    assertThat(defaults.publisherId()).isEmpty();
    assertThat(defaults.stir()).isEqualTo(StirVerstat.ABSENT);
    assertThat(defaults.sourceTags()).isEmpty();
  }

  private static ScoreFeatures withCounts(int hourOfWeek, int calls24h, int calls30d) {
    return new ScoreFeatures(
        "p",
        "c",
        Map.of(),
        hourOfWeek,
        calls24h,
        calls30d,
        0,
        0,
        null,
        null,
        null,
        null,
        StirVerstat.ABSENT,
        CallerIdKind.VALID,
        Map.of(),
        0,
        0);
  }
}
