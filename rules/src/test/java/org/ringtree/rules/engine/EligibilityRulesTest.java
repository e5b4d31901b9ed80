package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringtree.rules.engine.Harness.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.directory.Buyer;
import org.ringtree.rules.directory.Caps;
import org.ringtree.rules.directory.Comparison;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.GeoFilter;
import org.ringtree.rules.directory.Schedule;
import org.ringtree.rules.directory.TagFilter;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.Usage;
import org.ringtree.rules.routing.UsageSnapshot;
import org.ringtree.rules.trace.Justification;

class EligibilityRulesTest {

  private static RouteDecision decide(
      List<Target> targets, List<Buyer> buyers, CallFacts call, UsageSnapshot usage) {
    CompiledFlow flow = routeFlow(directory(campaign(), targets, buyers), "priority", Map.of());
    return route(flow, call, usage, null);
  }

  private static RouteDecision decide(Target target, CallFacts call) {
    return decide(List.of(target), List.of(), call, UsageSnapshot.EMPTY);
  }

  private static List<String> skipMessages(RouteDecision d, String targetId) {
    return d.about(targetId).stream()
        .filter(j -> j.verdict() == Justification.Verdict.SKIPPED)
        .map(Justification::message)
        .toList();
  }

  @Test
  void keepsATargetWithNoFilters() {
    RouteDecision d = decide(target("acme"), texas());
    assertThat(d.winner()).map(c -> c.targetId()).contains("acme");
    assertThat(d.about("acme"))
        .extracting(Justification::verdict)
        .containsExactly(Justification.Verdict.WINNER);
  }

  @Test
  void skipsAPausedTarget() {
    Target t = target("acme");
    Target paused =
        new Target(
            t.id(),
            t.name(),
            t.buyerId(),
            t.destination(),
            t.fixedPrice(),
            1,
            1,
            null,
            null,
            null,
            null,
            null,
            false);
    RouteDecision d = decide(paused, texas());
    assertThat(d.winner()).isEmpty();
    assertThat(skipMessages(d, "acme")).containsExactly("Acme skipped: target is paused");
  }

  @Test
  void skipsATargetOutsideItsStates() {
    RouteDecision d = decide(target("acme").withGeo(GeoFilter.states("CA", "NY")), texas());
    assertThat(skipMessages(d, "acme"))
        .containsExactly("Acme skipped: caller state TX not in CA, NY");
  }

  @Test
  void skipsATargetOutsideItsZips() {
    RouteDecision d =
        decide(target("acme").withGeo(new GeoFilter(Set.of(), Set.of("10001"), Set.of())), texas());
    assertThat(skipMessages(d, "acme"))
        .containsExactly("Acme skipped: caller zip 78701 not in 10001");
  }

  @Test
  void skipsATargetOutsideItsAreaCodes() {
    RouteDecision d =
        decide(target("acme").withGeo(new GeoFilter(Set.of(), Set.of(), Set.of("713"))), texas());
    assertThat(skipMessages(d, "acme"))
        .containsExactly("Acme skipped: caller area code 512 not in 713");
  }

  @Test
  void skipsATargetOutsideItsHours() {
    Target t = target("acme").withSchedule(Schedule.weekdays("America/Chicago", "09:00", "17:00"));
    CallFacts late = Fixtures.texasCall();
    late =
        new CallFacts(
            late.callId(),
            late.campaignId(),
            late.publisherId(),
            late.trackingNumber(),
            late.caller(),
            late.tags(),
            late.answers(),
            Fixtures.WEDNESDAY_22_CHICAGO,
            late.history());
    assertThat(skipMessages(decide(t, late), "acme"))
        .singleElement()
        .asString()
        .startsWith("Acme skipped: outside hours")
        .endsWith("09:00–17:00 America/Chicago");
    assertThat(decide(t, texas()).winner()).isPresent();
  }

  @Test
  void skipsATargetOnAHoliday() {
    Schedule s = new Schedule("America/Chicago", List.of(), Set.of(LocalDate.parse("2026-11-25")));
    assertThat(skipMessages(decide(target("acme").withSchedule(s), texas()), "acme"))
        .containsExactly("Acme skipped: holiday 2026-11-25 America/Chicago");
  }

  @Test
  void skipsATargetWhoseTagFilterIsNotMet() {
    Target t = target("acme").withTagFilters(List.of(TagFilter.equalTo("source", "bing")));
    assertThat(skipMessages(decide(t, texas()), "acme"))
        .containsExactly("Acme skipped: tag source must equal bing");
    Target ok = target("acme").withTagFilters(List.of(TagFilter.equalTo("source", "google")));
    assertThat(decide(ok, texas()).winner()).isPresent();
  }

  @Test
  void appliesEveryTagComparison() {
    CallFacts call =
        Fixtures.call(
            Caller.of("+15125550199", "TX", "78701"),
            Map.of("source", "google", "age", "42"),
            List.of());
    record Case(TagFilter filter, boolean eligible) {}
    List<Case> cases =
        List.of(
            new Case(new TagFilter("source", Comparison.NOT_EQUALS, "google", null), false),
            new Case(new TagFilter("source", Comparison.IN, null, List.of("bing", "google")), true),
            new Case(new TagFilter("source", Comparison.NOT_IN, null, List.of("google")), false),
            new Case(new TagFilter("source", Comparison.REGEX, "goo.*", null), true),
            new Case(new TagFilter("source", Comparison.REGEX, "bing|yahoo", null), false),
            new Case(new TagFilter("age", Comparison.GT, "40", null), true),
            new Case(new TagFilter("age", Comparison.GTE, "43", null), false),
            new Case(new TagFilter("age", Comparison.LT, "42", null), false),
            new Case(new TagFilter("age", Comparison.LTE, "42", null), true),
            new Case(new TagFilter("missing", Comparison.EXISTS, null, null), false));
    for (Case c : cases) {
      RouteDecision d =
          decide(
              List.of(target("acme").withTagFilters(List.of(c.filter()))),
              List.of(),
              call,
              UsageSnapshot.EMPTY);
      assertThat(d.winner().isPresent()).as(c.filter().toString()).isEqualTo(c.eligible());
    }
  }

  @Test
  void skipsATargetWhoseDailyCapIsReached() {
    Target t = target("acme").withCaps(Caps.daily(40));
    UsageSnapshot full = new UsageSnapshot(Map.of("acme", Usage.connectionsToday(40)), Map.of());
    assertThat(skipMessages(decide(List.of(t), List.of(), texas(), full), "acme"))
        .containsExactly("Acme skipped: daily cap 40/40");
    UsageSnapshot room = new UsageSnapshot(Map.of("acme", Usage.connectionsToday(39)), Map.of());
    assertThat(decide(List.of(t), List.of(), texas(), room).winner()).isPresent();
  }

  @Test
  void skipsATargetAtItsConcurrencyLimit() {
    Target t =
        target("acme").withCaps(new Caps(Caps.CountOn.CONNECTIONS, 2, null, null, null, null));
    UsageSnapshot busy = new UsageSnapshot(Map.of("acme", new Usage(2, null, null)), Map.of());
    assertThat(skipMessages(decide(List.of(t), List.of(), texas(), busy), "acme"))
        .containsExactly("Acme skipped: concurrency cap 2/2");
  }

  @Test
  void countsConversionsWhenTheCapSaysSo() {
    Target t =
        target("acme").withCaps(new Caps(Caps.CountOn.CONVERSIONS, null, 5, null, null, null));
    Usage manyConnectionsFewConversions =
        new Usage(0, new Usage.Counts(9, 9, 9, 9), new Usage.Counts(4, 4, 4, 4));
    assertThat(
            decide(
                    List.of(t),
                    List.of(),
                    texas(),
                    new UsageSnapshot(Map.of("acme", manyConnectionsFewConversions), Map.of()))
                .winner())
        .isPresent();
    Usage capped = new Usage(0, new Usage.Counts(9, 9, 9, 9), new Usage.Counts(5, 5, 5, 5));
    assertThat(
            skipMessages(
                decide(
                    List.of(t),
                    List.of(),
                    texas(),
                    new UsageSnapshot(Map.of("acme", capped), Map.of())),
                "acme"))
        .containsExactly("Acme skipped: hourly cap 5/5");
  }

  @Test
  void skipsEveryTargetOfABuyerWhoseCapIsReached() {
    Target a = target("acme");
    Target b =
        Target.fixed("acme2", a.buyerId(), "+15125550111", Money.usd("90")).withName("Acme 2");
    Buyer buyer =
        new Buyer(
            a.buyerId(), "Acme", new Caps(Caps.CountOn.CONNECTIONS, null, null, null, 100, null));
    UsageSnapshot usage =
        new UsageSnapshot(
            Map.of(), Map.of(a.buyerId(), new Usage(0, new Usage.Counts(0, 0, 100, 100), null)));
    RouteDecision d = decide(List.of(a, b), List.of(buyer), texas(), usage);
    assertThat(d.winner()).isEmpty();
    assertThat(skipMessages(d, "acme")).containsExactly("Acme skipped: buyer monthly cap 100/100");
    assertThat(skipMessages(d, "acme2"))
        .containsExactly("Acme 2 skipped: buyer monthly cap 100/100");
  }

  @Test
  void skipsEveryTargetWhenThePublisherHasReachedItsCapInTheCampaign() {
    var base = campaign();
    var capped =
        new org.ringtree.rules.directory.Campaign(
            base.id(),
            base.name(),
            base.verticalId(),
            base.currency(),
            base.payout(),
            base.duplicateRule(),
            base.marginPercent(),
            base.marginAmount(),
            Map.of("pub-1", Caps.daily(25)),
            null,
            null);
    CompiledFlow flow =
        routeFlow(
            directory(capped, List.of(target("acme"), target("beta")), List.of()),
            "priority",
            Map.of());
    UsageSnapshot full =
        new UsageSnapshot(Map.of(), Map.of(), Map.of("pub-1", Usage.connectionsToday(25)));
    RouteDecision d = route(flow, texas(), full, null);
    assertThat(d.winner()).isEmpty();
    assertThat(skipMessages(d, "beta")).containsExactly("Beta skipped: publisher daily cap 25/25");
    assertThat(
            route(
                    flow,
                    texas(),
                    new UsageSnapshot(
                        Map.of(), Map.of(), Map.of("pub-2", Usage.connectionsToday(99))),
                    null)
                .winner())
        .isPresent();
  }

  @Test
  void skipsADuplicateCallerWithinTheTargetsWindow() {
    Target t =
        target("acme").withDuplicateRule(DuplicateRule.perTarget(DuplicateRule.Basis.ANY_CALL, 30));
    PriorCall tenDaysAgo =
        new PriorCall(
            "c0",
            Fixtures.WEDNESDAY_10_CHICAGO.minusSeconds(10 * 86_400),
            "legal-tx",
            "acme",
            "buyer-acme",
            true,
            false,
            null);
    PriorCall fortyDaysAgo =
        new PriorCall(
            "c0",
            Fixtures.WEDNESDAY_10_CHICAGO.minusSeconds(40 * 86_400),
            "legal-tx",
            "acme",
            "buyer-acme",
            true,
            false,
            null);
    CallFacts repeat =
        Fixtures.call(Caller.of("+15125550199", "TX", "78701"), Map.of(), List.of(tenDaysAgo));
    assertThat(skipMessages(decide(t, repeat), "acme"))
        .containsExactly("Acme skipped: duplicate caller within 30 days");
    CallFacts old =
        Fixtures.call(Caller.of("+15125550199", "TX", "78701"), Map.of(), List.of(fortyDaysAgo));
    assertThat(decide(t, old).winner()).isPresent();
  }

  @Test
  void onlyConnectedCallsCountWhenTheDuplicateRuleSaysSo() {
    Target t =
        target("acme")
            .withDuplicateRule(DuplicateRule.perTarget(DuplicateRule.Basis.CONNECTED, 30));
    PriorCall missed =
        new PriorCall(
            "c0",
            Fixtures.WEDNESDAY_10_CHICAGO.minusSeconds(3600),
            "legal-tx",
            "acme",
            "buyer-acme",
            false,
            false,
            null);
    assertThat(
            decide(
                    t,
                    Fixtures.call(
                        Caller.of("+15125550199", "TX", "78701"), Map.of(), List.of(missed)))
                .winner())
        .isPresent();
  }

  @Test
  void skipsAllTargetsForACampaignWideDuplicate() {
    var campaign =
        campaign(
            org.ringtree.rules.directory.PayoutPolicy.fixed(90, 60, Money.usd("200"), 30),
            DuplicateRule.perCampaign(DuplicateRule.Basis.ANY_CALL, 7),
            java.math.BigDecimal.ZERO,
            Money.usd("0"));
    CompiledFlow flow =
        routeFlow(
            directory(campaign, List.of(target("acme"), target("beta")), List.of()),
            "priority",
            Map.of());
    PriorCall yesterday =
        new PriorCall(
            "c0",
            Fixtures.WEDNESDAY_10_CHICAGO.minusSeconds(86_400),
            "legal-tx",
            "other",
            "other",
            true,
            false,
            null);
    RouteDecision d =
        route(
            flow,
            Fixtures.call(Caller.of("+15125550199", "TX", "78701"), Map.of(), List.of(yesterday)),
            UsageSnapshot.EMPTY,
            null);
    assertThat(d.winner()).isEmpty();
    assertThat(skipMessages(d, "beta"))
        .containsExactly("Beta skipped: duplicate caller within 7 days (campaign)");
  }

  @Test
  void skipsEveryTargetOfABuyerThatAlreadyHadTheCallerWhenDuplicatesArePerBuyer() {
    // acme-2 belongs to the same buyer as acme, whom the caller reached yesterday in another
    // campaign; beta's buyer never had the caller
    Target acme2 =
        Target.fixed("acme-2", "buyer-acme", "+15125550123", Money.usd("100"))
            .withName("Acme 2")
            .withDuplicateRule(DuplicateRule.perBuyer(DuplicateRule.Basis.ANY_CALL, 30));
    Target beta =
        target("beta").withDuplicateRule(DuplicateRule.perBuyer(DuplicateRule.Basis.ANY_CALL, 30));
    CompiledFlow flow =
        routeFlow(directory(campaign(), List.of(acme2, beta), List.of()), "priority", Map.of());
    PriorCall yesterday =
        new PriorCall(
            "c0",
            Fixtures.WEDNESDAY_10_CHICAGO.minusSeconds(86_400),
            "other-campaign",
            "acme",
            "buyer-acme",
            true,
            false,
            null);
    RouteDecision d =
        route(
            flow,
            Fixtures.call(Caller.of("+15125550199", "TX", "78701"), Map.of(), List.of(yesterday)),
            UsageSnapshot.EMPTY,
            null);
    assertThat(skipMessages(d, "acme-2"))
        .containsExactly("Acme 2 skipped: duplicate caller within 30 days (buyer)");
    assertThat(d.winner().orElseThrow().targetId()).isEqualTo("beta");
  }

  @Test
  void aCampaignsPerBuyerDuplicateRuleSkipsOnlyTheBuyerWhoHadTheCaller() {
    var campaign =
        campaign(
            org.ringtree.rules.directory.PayoutPolicy.fixed(90, 60, Money.usd("200"), 30),
            DuplicateRule.perBuyer(DuplicateRule.Basis.CONNECTED, 7),
            java.math.BigDecimal.ZERO,
            Money.usd("0"));
    CompiledFlow flow =
        routeFlow(
            directory(campaign, List.of(target("acme"), target("beta")), List.of()),
            "priority",
            Map.of());
    PriorCall connectedToBeta =
        new PriorCall(
            "c0",
            Fixtures.WEDNESDAY_10_CHICAGO.minusSeconds(3 * 86_400),
            "legal-tx",
            "beta-old-target",
            "buyer-beta",
            true,
            false,
            null);
    PriorCall missedAcme =
        new PriorCall(
            "c1",
            Fixtures.WEDNESDAY_10_CHICAGO.minusSeconds(86_400),
            "legal-tx",
            "acme",
            "buyer-acme",
            false,
            false,
            null);
    RouteDecision d =
        route(
            flow,
            Fixtures.call(
                Caller.of("+15125550199", "TX", "78701"),
                Map.of(),
                List.of(missedAcme, connectedToBeta)),
            UsageSnapshot.EMPTY,
            null);
    assertThat(skipMessages(d, "beta"))
        .containsExactly("Beta skipped: duplicate caller within 7 days (buyer)");
    assertThat(skipMessages(d, "acme")).isEmpty();
    assertThat(d.winner().orElseThrow().targetId()).isEqualTo("acme");
  }

  @Test
  void everySkipNamesTheGeneratedRuleAndItsNode() {
    RouteDecision d = decide(target("acme").withGeo(GeoFilter.states("CA")), texas());
    Justification j = d.about("acme").get(0);
    assertThat(j.ruleId()).isEqualTo("elig_route_geo_state");
    assertThat(j.nodeId()).isEqualTo("route");
    assertThat(Instant.now()).isNotNull();
  }
}
