package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.UsZips;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.GeoFilter;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.UsageSnapshot;
import org.ringtree.rules.trace.Justification;

/** A zip the caller enters locates them: zip, state and time zone for filters, hours and pings. */
class CollectedZipTest {

  /** A Los Angeles caller (carrier state CA, zip 90001) at 10:00 in Chicago, 08:00 at home. */
  private static final CallFacts LA_CALLER =
      Fixtures.call(
          new Caller("+13105550123", "CA", "90001", "Los Angeles", null, "US").placed(),
          Map.of(),
          List.of());

  @Test
  void theShippedTableKnowsRealZipsTheirStateAndZone() {
    UsZips zips = UsZips.shared();
    assertThat(zips.size()).isGreaterThan(40_000);
    assertThat(zips.find("78701")).contains(new UsZips.Place("78701", "TX", "America/Chicago"));
    // El Paso keeps Mountain time although Texas is mostly Central
    assertThat(zips.find("79901").orElseThrow().timezone()).isEqualTo("America/Denver");
    assertThat(zips.find("85001").orElseThrow().timezone()).isEqualTo("America/Phoenix");
    assertThat(zips.find("00601").orElseThrow().state()).isEqualTo("PR");
    assertThat(zips.find("00000")).isEmpty();
    assertThat(zips.find("99999")).isEmpty();
    assertThat(LA_CALLER.caller().timezone()).isEqualTo("America/Los_Angeles");
  }

  @Test
  void everyZoneInTheTableIsOneJavaKnows() {
    // a zone Java cannot resolve would make "hours in the caller's zone" throw mid-call
    java.util.Set<String> known = java.time.ZoneId.getAvailableZoneIds();
    for (String zip : List.of("00601", "10001", "47906", "49801", "59801", "83201", "96813")) {
      assertThat(known).contains(UsZips.shared().find(zip).orElseThrow().timezone());
    }
  }

  @Test
  void aCollectedZipMovesTheCallerAndTheTraceSaysSo() {
    Step done = collectThenBranch(callerClause("state", "TX"), "78701");
    assertThat(done.outcome().nodeId()).isEqualTo("yes");
    Caller c = done.state().facts().caller();
    assertThat(c.zip()).isEqualTo("78701");
    assertThat(c.state()).isEqualTo("TX");
    assertThat(c.timezone()).isEqualTo("America/Chicago");
    assertThat(c.city()).as("the carrier's city described the number").isNull();
    assertThat(c.number()).isEqualTo("+13105550123");
    assertThat(messages(done))
        .anyMatch(
            m ->
                m.equals(
                    "Zip 78701 sets the caller's zip, state TX and time zone America/Chicago."));
  }

  @Test
  void aZipThatIsNotRealStaysAnAnswerAndSetsNoState() {
    Step done = collectThenBranch(callerClause("state", "TX"), "00000");
    assertThat(done.outcome().nodeId()).isEqualTo("no");
    assertThat(done.state().facts().answers()).containsEntry("zip", "00000");
    assertThat(done.state().facts().caller().state()).isEqualTo("CA");
    assertThat(done.state().facts().caller().zip()).isEqualTo("90001");
    assertThat(messages(done))
        .anyMatch(
            m ->
                m.equals(
                    "Zip 00000 is not a US zip: kept as the answer; the caller's zip and state"
                        + " stay 90001 / CA."));
  }

  @Test
  void hoursInTheCallersZoneFollowTheCollectedZip() {
    Map<String, Object> nineToFive =
        Map.of(
            "type",
            "schedule",
            "timezone",
            "caller",
            "days",
            List.of("MON", "TUE", "WED", "THU", "FRI"),
            "from",
            "09:00",
            "to",
            "17:00");
    // Wednesday 16:00 UTC: 10:00 in Austin, 08:00 in Los Angeles
    assertThat(collectThenBranch(nineToFive, "78701").outcome().nodeId()).isEqualTo("yes");
    assertThat(collectThenBranch(nineToFive, "94110").outcome().nodeId()).isEqualTo("no");
    // a caller whose zone nobody knows is outside hours that follow the caller
    CallFacts unknown =
        Fixtures.call(
            new Caller("+13105550123", null, null, null, null, "US"), Map.of(), List.of());
    assertThat(ConditionRulesTest.branch("all", List.of(nineToFive), unknown)).isEqualTo("no");
  }

  @Test
  void geoFiltersAndBidRequestsUseTheCollectedZip() {
    Target texasOnly =
        Harness.target("texas").withGeo(new GeoFilter(Set.of("TX"), Set.of(), Set.of()));
    Target bidder =
        new Target(
            "bidder",
            "Bidder",
            "buyer-bidder",
            new Destination.RtbEndpoint(
                "https://bidder.example/bid",
                500,
                Destination.BidResponseFormat.RINGTREE,
                Map.of()),
            null,
            1,
            1,
            null,
            null,
            null,
            null,
            null,
            true);
    var dir = Harness.directory(Harness.campaign(), List.of(texasOnly, bidder), List.of());
    FlowDocument flow =
        new Fixtures.FlowBuilder()
            .node("zip", NodeKind.COLLECT_DIGITS, zipNode())
            .node(
                "route",
                NodeKind.ROUTE,
                Map.of("targets", List.of("texas", "bidder"), "method", "priority"))
            .node("bye", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "zip")
            .edge("zip", "next", "route")
            .edge("zip", "invalid", "bye")
            .edge("zip", "noInput", "bye")
            .edge("route", "fallback", "bye")
            .build();
    CompiledFlow compiled = Harness.compile(flow, dir);
    Harness.ENGINE.load(compiled);

    Step asked = Harness.ENGINE.start(compiled.versionKey(), LA_CALLER);
    Step routed = Harness.ENGINE.next(asked.state(), new CallInput.Digits("78701"));
    assertThat(routed.route()).isNotNull();
    List<BidRequest> pings = new ArrayList<>();
    RouteDecision d =
        Harness.ENGINE.route(
            routed.state(),
            RouteContext.of(routed.state().facts(), UsageSnapshot.EMPTY),
            (req, targets, deadline) -> {
              pings.add(req);
              return targets.stream()
                  .map(
                      t ->
                          new PingResult(
                              t.targetId(),
                              PingResult.Status.DECLINED,
                              null,
                              200,
                              Duration.ofMillis(1),
                              "no"))
                  .toList();
            });
    assertThat(d.winner()).isPresent();
    assertThat(d.winner().get().targetId()).isEqualTo("texas");
    assertThat(pings)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.callerState()).isEqualTo("TX");
              assertThat(p.callerZip()).isEqualTo("78701");
            });

    // the same caller entering a California zip is refused by the Texas-only target
    Step stays = Harness.ENGINE.next(asked.state(), new CallInput.Digits("94110"));
    RouteDecision none =
        Harness.ENGINE.route(
            stays.state(),
            RouteContext.of(stays.state().facts(), UsageSnapshot.EMPTY),
            (req, targets, deadline) -> List.of());
    assertThat(none.winner()).isEmpty();
  }

  private static Map<String, Object> callerClause(String field, String value) {
    return Map.of("type", "caller", "field", field, "operator", "equals", "value", value);
  }

  private static Map<String, Object> zipNode() {
    return Map.of(
        "prompt", "Please enter your five digit zip code.", "mode", "zip", "saveAs", "zip");
  }

  /** start -> collect zip -> condition(clause) -> hang-up yes / no, answered with {@code zip}. */
  private static Step collectThenBranch(Map<String, Object> clause, String zip) {
    FlowDocument flow =
        new Fixtures.FlowBuilder()
            .node("zip", NodeKind.COLLECT_DIGITS, zipNode())
            .node("cond", NodeKind.CONDITION, Map.of("match", "all", "clauses", List.of(clause)))
            .node("yes", NodeKind.HANGUP, Map.of())
            .node("no", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "zip")
            .edge("zip", "next", "cond")
            .edge("zip", "invalid", "no")
            .edge("zip", "noInput", "no")
            .edge("cond", "true", "yes")
            .edge("cond", "false", "no")
            .build();
    CompiledFlow compiled = Harness.compile(flow, Fixtures.directory());
    Harness.ENGINE.load(compiled);
    Step asked = Harness.ENGINE.start(compiled.versionKey(), LA_CALLER);
    assertThat(asked.waiting()).isEqualTo(CallState.Waiting.INPUT);
    return Harness.ENGINE.next(asked.state(), new CallInput.Digits(zip));
  }

  private static List<String> messages(Step s) {
    return s.trace().stream().map(Justification::message).toList();
  }
}
