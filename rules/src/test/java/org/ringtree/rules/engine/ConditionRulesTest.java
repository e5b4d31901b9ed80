package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.NodeKind;

/** One focused test per condition clause kind: each decides the node's true/false port. */
class ConditionRulesTest {

  private static final CallFacts CALL =
      new CallFacts(
          "call-1",
          "legal-tx",
          "pub-1",
          "+18005550100",
          new Caller("+15125550199", "TX", "78701", "Austin", null, "US"),
          Map.of("source", "google", "score", "72"),
          Map.of("zip", "78701"),
          Fixtures.WEDNESDAY_10_CHICAGO,
          List.of(
              new PriorCall(
                  "c0",
                  Fixtures.WEDNESDAY_10_CHICAGO.minusSeconds(3 * 86_400),
                  "legal-tx",
                  "acme",
                  "acme",
                  true,
                  false,
                  null),
              new PriorCall(
                  "c1",
                  Fixtures.WEDNESDAY_10_CHICAGO.minusSeconds(20 * 86_400),
                  "legal-tx",
                  "acme",
                  "acme",
                  false,
                  false,
                  null)));

  /** Runs start -> condition -> hang-up "yes" / hang-up "no" and returns the branch taken. */
  static String branch(String match, List<Map<String, Object>> clauses, CallFacts call) {
    FlowDocument flow =
        new Fixtures.FlowBuilder()
            .node("cond", NodeKind.CONDITION, Map.of("match", match, "clauses", clauses))
            .node("yes", NodeKind.HANGUP, Map.of())
            .node("no", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "cond")
            .edge("cond", "true", "yes")
            .edge("cond", "false", "no")
            .build();
    CompiledFlow compiled = Harness.compile(flow, Fixtures.directory());
    Harness.ENGINE.load(compiled);
    return Harness.ENGINE.start(compiled.versionKey(), call).outcome().nodeId();
  }

  static String branch(Map<String, Object> clause) {
    return branch("all", List.of(clause), CALL);
  }

  @Test
  void geoStateInList() {
    assertThat(
            branch(
                Map.of(
                    "type",
                    "geo",
                    "field",
                    "state",
                    "operator",
                    "in",
                    "values",
                    List.of("TX", "OK"))))
        .isEqualTo("yes");
    assertThat(
            branch(
                Map.of("type", "geo", "field", "state", "operator", "in", "values", List.of("CA"))))
        .isEqualTo("no");
  }

  @Test
  void geoZipNotInList() {
    assertThat(
            branch(
                Map.of(
                    "type",
                    "geo",
                    "field",
                    "zip",
                    "operator",
                    "notIn",
                    "values",
                    List.of("10001"))))
        .isEqualTo("yes");
    assertThat(
            branch(
                Map.of(
                    "type",
                    "geo",
                    "field",
                    "zip",
                    "operator",
                    "notIn",
                    "values",
                    List.of("78701"))))
        .isEqualTo("no");
  }

  @Test
  void geoAreaCodeEquals() {
    assertThat(
            branch(
                Map.of("type", "geo", "field", "areaCode", "operator", "equals", "value", "512")))
        .isEqualTo("yes");
  }

  @Test
  void callerCityNotEquals() {
    assertThat(
            branch(
                Map.of(
                    "type", "caller", "field", "city", "operator", "notEquals", "value", "Austin")))
        .isEqualTo("no");
    assertThat(
            branch(
                Map.of(
                    "type", "caller", "field", "city", "operator", "notEquals", "value", "Dallas")))
        .isEqualTo("yes");
  }

  @Test
  void tagEqualsAndExists() {
    assertThat(
            branch(
                Map.of("type", "tag", "field", "source", "operator", "equals", "value", "google")))
        .isEqualTo("yes");
    assertThat(branch(Map.of("type", "tag", "field", "campaign", "operator", "exists")))
        .isEqualTo("no");
  }

  @Test
  void tagRegexMatchesTheWholeValue() {
    assertThat(
            branch(Map.of("type", "tag", "field", "source", "operator", "regex", "value", "goo.+")))
        .isEqualTo("yes");
    assertThat(
            branch(Map.of("type", "tag", "field", "source", "operator", "regex", "value", "goo")))
        .isEqualTo("no");
  }

  @Test
  void aCatastrophicPatternGivesUpInsteadOfHangingTheCall() {
    CallFacts evil =
        new CallFacts(
            CALL.callId(),
            CALL.campaignId(),
            CALL.publisherId(),
            CALL.trackingNumber(),
            CALL.caller(),
            Map.of("source", "a".repeat(40) + "!"),
            CALL.answers(),
            CALL.arrivedAt(),
            CALL.history());
    long t0 = System.nanoTime();
    assertThat(
            branch(
                "all",
                List.of(
                    Map.of(
                        "type", "tag", "field", "source", "operator", "regex", "value", "(a+)+b")),
                evil))
        .isEqualTo("no");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void tagNumericComparisons() {
    assertThat(branch(Map.of("type", "tag", "field", "score", "operator", "gt", "value", "70")))
        .isEqualTo("yes");
    assertThat(branch(Map.of("type", "tag", "field", "score", "operator", "gte", "value", "72")))
        .isEqualTo("yes");
    assertThat(branch(Map.of("type", "tag", "field", "score", "operator", "lt", "value", "72")))
        .isEqualTo("no");
    assertThat(branch(Map.of("type", "tag", "field", "score", "operator", "lte", "value", "71.5")))
        .isEqualTo("no");
    assertThat(branch(Map.of("type", "tag", "field", "source", "operator", "gt", "value", "1")))
        .as("non-numeric value")
        .isEqualTo("no");
  }

  @Test
  void ivrAnswerEquals() {
    assertThat(
            branch(
                Map.of("type", "answer", "field", "zip", "operator", "equals", "value", "78701")))
        .isEqualTo("yes");
  }

  @Test
  void scheduleInsideAndOutsideHoursAndOnHolidays() {
    Map<String, Object> hours =
        Map.of(
            "type",
            "schedule",
            "timezone",
            "America/Chicago",
            "days",
            List.of("MON", "TUE", "WED", "THU", "FRI"),
            "from",
            "09:00",
            "to",
            "17:00");
    assertThat(branch(hours)).isEqualTo("yes");
    CallFacts night =
        new CallFacts(
            CALL.callId(),
            CALL.campaignId(),
            CALL.publisherId(),
            CALL.trackingNumber(),
            CALL.caller(),
            CALL.tags(),
            CALL.answers(),
            Fixtures.WEDNESDAY_22_CHICAGO,
            CALL.history());
    assertThat(branch("all", List.of(hours), night)).isEqualTo("no");
    Map<String, Object> holiday = new java.util.HashMap<>(hours);
    holiday.put("holidays", List.of("2026-11-25"));
    assertThat(branch(holiday)).isEqualTo("no");
  }

  @Test
  void callerHistoryCountsEarlierCallsInTheWindow() {
    assertThat(branch(Map.of("type", "history", "windowDays", 7L, "operator", "gte", "value", "1")))
        .isEqualTo("yes");
    assertThat(
            branch(
                Map.of("type", "history", "windowDays", 30L, "operator", "equals", "value", "2")))
        .isEqualTo("yes");
    assertThat(
            branch(
                Map.of(
                    "type",
                    "history",
                    "windowDays",
                    30L,
                    "basis",
                    "connected",
                    "operator",
                    "gt",
                    "value",
                    "1")))
        .isEqualTo("no");
    assertThat(
            branch(Map.of("type", "history", "windowDays", 1L, "operator", "equals", "value", "0")))
        .isEqualTo("yes");
  }

  @Test
  void matchAnyNeedsOneClauseAndMatchAllNeedsEvery() {
    List<Map<String, Object>> clauses =
        List.of(
            Map.of("type", "geo", "field", "state", "operator", "equals", "value", "CA"),
            Map.of("type", "tag", "field", "source", "operator", "equals", "value", "google"));
    assertThat(branch("any", clauses, CALL)).isEqualTo("yes");
    assertThat(branch("all", clauses, CALL)).isEqualTo("no");
  }
}
