package org.ringtree.rules.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowEdge;
import org.ringtree.rules.flow.FlowNode;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.money.Money;

/**
 * One focused test per validation issue code; each checks the node and setting it is anchored to.
 */
class FlowValidatorTest {

  private static List<Issue> validate(FlowDocument flow) {
    return FlowValidator.validate(flow, DemoNetwork.directory());
  }

  private static Issue only(FlowDocument flow, String code) {
    List<Issue> found = validate(flow).stream().filter(i -> i.code().equals(code)).toList();
    assertThat(found).as("issues %s in %s", code, validate(flow)).hasSize(1);
    return found.get(0);
  }

  /** start -> say(text) -> hangup, plus whatever the test adds. */
  private static Fixtures.FlowBuilder base() {
    return new Fixtures.FlowBuilder()
        .node("hello", NodeKind.SAY, Map.of("text", "Hello"))
        .node("bye", NodeKind.HANGUP, Map.of())
        .edge("start", "next", "hello")
        .edge("hello", "next", "bye");
  }

  private static FlowDocument withNode(
      String id, NodeKind kind, Map<String, Object> cfg, String... edges) {
    Fixtures.FlowBuilder b =
        new Fixtures.FlowBuilder()
            .node(id, kind, cfg)
            .node("bye", NodeKind.HANGUP, Map.of())
            .edge("start", "next", id);
    for (String e : edges) {
      String[] p = e.split(":");
      b.edge(id, p[0], p[1]);
    }
    return b.build();
  }

  @Test
  void acceptsTheDemoFlow() {
    assertThat(validate(DemoNetwork.flow())).noneMatch(Issue::isError);
  }

  @Test
  void flowWithoutStart() {
    FlowDocument f =
        new FlowDocument(
            1,
            "f",
            "f",
            "legal-tx",
            List.of(Fixtures.node("bye", NodeKind.HANGUP, Map.of())),
            List.of());
    assertThat(only(f, "flow.noStart").nodeId()).isNull();
  }

  @Test
  void secondStart() {
    FlowDocument f =
        base().node("start2", NodeKind.START, Map.of()).edge("start2", "next", "bye").build();
    assertThat(only(f, "flow.multipleStarts").nodeId()).isEqualTo("start2");
  }

  @Test
  void nodeIdWithForbiddenCharacters() {
    FlowDocument f =
        base()
            .node("bad id\"", NodeKind.HANGUP, Map.of())
            .edge("hello", "next", "bad id\"")
            .build();
    assertThat(validate(f))
        .anyMatch(i -> i.code().equals("node.idFormat") && i.nodeId().equals("bad id\""));
  }

  @Test
  void edgeFromAMissingNode() {
    FlowDocument f = base().edge("ghost", "next", "bye").build();
    assertThat(only(f, "edge.unknownFrom").nodeId()).isEqualTo("ghost");
  }

  @Test
  void edgeFromAPortTheNodeDoesNotHave() {
    Issue i = only(base().edge("hello", "sideways", "bye").build(), "edge.unknownPort");
    assertThat(i.nodeId()).isEqualTo("hello");
    assertThat(i.field()).isEqualTo("port:sideways");
  }

  @Test
  void danglingEdge() {
    Issue i =
        only(withNode("menu", NodeKind.MENU, menuCfg(), "1:bye", "2:nowhere"), "edge.dangling");
    assertThat(i.nodeId()).isEqualTo("menu");
    assertThat(i.field()).isEqualTo("port:2");
  }

  @Test
  void portConnectedTwice() {
    assertThat(
            only(
                    base().edge("hello", "next", "start").edge("hello", "next", "bye").build(),
                    "edge.duplicatePort")
                .nodeId())
        .isEqualTo("hello");
  }

  @Test
  void edgeBackIntoStart() {
    assertThat(
            only(withNode("menu", NodeKind.MENU, menuCfg(), "1:bye", "2:start"), "edge.intoStart")
                .nodeId())
        .isEqualTo("menu");
  }

  @Test
  void requiredPortNotConnected() {
    Issue i =
        only(
            new Fixtures.FlowBuilder()
                .node("hello", NodeKind.SAY, Map.of("text", "x"))
                .edge("start", "next", "hello")
                .build(),
            "port.unconnected");
    assertThat(i.nodeId()).isEqualTo("hello");
    assertThat(i.field()).isEqualTo("port:next");
    assertThat(i.isError()).isTrue();
  }

  @Test
  void optionalPortNotConnectedIsAWarning() {
    List<Issue> issues = validate(withNode("menu", NodeKind.MENU, menuCfg(), "1:bye", "2:bye"));
    assertThat(issues)
        .filteredOn(i -> i.code().equals("port.unconnected"))
        .allMatch(i -> !i.isError())
        .hasSize(2);
  }

  @Test
  void menuOptionWithoutAnEdge() {
    List<Issue> errors =
        validate(withNode("menu", NodeKind.MENU, menuCfg(), "1:bye")).stream()
            .filter(Issue::isError)
            .toList();
    assertThat(errors)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.code()).isEqualTo("port.unconnected");
              assertThat(i.field()).isEqualTo("port:2");
            });
  }

  @Test
  void routeWithoutFallback() {
    Issue i =
        only(
            withNode("r", NodeKind.ROUTE, Map.of("targets", List.of("acme-law"))),
            "route.noFallback");
    assertThat(i.nodeId()).isEqualTo("r");
    assertThat(i.field()).isEqualTo("port:fallback");
  }

  @Test
  void recordingRouteWithoutARecordingNoticeIsAWarning() {
    FlowDocument flow =
        base()
            .node("r", NodeKind.ROUTE, Map.of("targets", List.of("acme-law")))
            .edge("hello", "next", "r")
            .edge("r", "fallback", "bye")
            .build();
    flow = withoutEdge(flow, "hello", "next", "bye");

    Issue i = only(flow, "route.recordingWithoutNotice");

    assertThat(i.isError()).isFalse();
    assertThat(i.nodeId()).isEqualTo("r");
    assertThat(i.field()).isEqualTo("record");
  }

  @Test
  void recordingRouteAfterARecordingNoticeIsFine() {
    FlowDocument flow =
        new Fixtures.FlowBuilder()
            .node("hello", NodeKind.SAY, Map.of("text", "Hello", "recordingNotice", true))
            .node("r", NodeKind.ROUTE, Map.of("targets", List.of("acme-law")))
            .node("bye", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "hello")
            .edge("hello", "next", "r")
            .edge("r", "fallback", "bye")
            .build();
    assertThat(validate(flow)).noneMatch(i -> i.code().equals("route.recordingWithoutNotice"));
  }

  @Test
  void aRouteThatDoesNotRecordNeedsNoNotice() {
    FlowDocument flow =
        new Fixtures.FlowBuilder()
            .node("r", NodeKind.ROUTE, Map.of("targets", List.of("acme-law"), "record", false))
            .node("bye", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "r")
            .edge("r", "fallback", "bye")
            .build();
    assertThat(validate(flow)).noneMatch(i -> i.code().equals("route.recordingWithoutNotice"));
  }

  @Test
  void aNoticeOnOnlyOneBranchStillWarnsAboutTheOther() {
    Map<String, Object> menu = new HashMap<>(menuCfg());
    FlowDocument flow =
        new Fixtures.FlowBuilder()
            .node("menu", NodeKind.MENU, menu)
            .node("notice", NodeKind.SAY, Map.of("text", "Hi", "recordingNotice", true))
            .node("r", NodeKind.ROUTE, Map.of("targets", List.of("acme-law")))
            .node("bye", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "menu")
            .edge("menu", "1", "notice")
            .edge("notice", "next", "r")
            .edge("menu", "2", "r")
            .edge("r", "fallback", "bye")
            .build();
    assertThat(only(flow, "route.recordingWithoutNotice").nodeId()).isEqualTo("r");
  }

  private static FlowDocument withoutEdge(FlowDocument d, String from, String port, String to) {
    return new FlowDocument(
        d.schemaVersion(),
        d.id(),
        d.name(),
        d.campaignId(),
        d.nodes(),
        d.edges().stream().filter(e -> !e.equals(new FlowEdge(from, port, to))).toList());
  }

  @Test
  void unreachableNode() {
    assertThat(
            only(base().node("island", NodeKind.HANGUP, Map.of()).build(), "node.unreachable")
                .nodeId())
        .isEqualTo("island");
  }

  @Test
  void missingRequiredSetting() {
    Issue i =
        only(withNode("tag", NodeKind.SET_TAG, Map.of("tag", "a"), "next:bye"), "setting.required");
    assertThat(i.nodeId()).isEqualTo("tag");
    assertThat(i.field()).isEqualTo("value");
  }

  @Test
  void settingOfTheWrongType() {
    Issue i =
        only(
            withNode("vm", NodeKind.VOICEMAIL, Map.of("maxLengthSeconds", "long"), "next:bye"),
            "setting.type");
    assertThat(i.field()).isEqualTo("maxLengthSeconds");
  }

  @Test
  void settingOutsideItsAllowedValues() {
    Map<String, Object> cfg = new HashMap<>(menuCfg());
    cfg.put("inputs", "telepathy");
    assertThat(
            only(withNode("menu", NodeKind.MENU, cfg, "1:bye", "2:bye"), "setting.allowed").field())
        .isEqualTo("inputs");
  }

  @Test
  void settingOutOfRange() {
    assertThat(
            only(
                    withNode(
                        "g", NodeKind.GOTO, Map.of("maxLoops", 99L), "loop:bye", "exhausted:bye"),
                    "setting.range")
                .field())
        .isEqualTo("maxLoops");
  }

  @Test
  void settingTooLong() {
    assertThat(
            only(
                    withNode(
                        "tag",
                        NodeKind.SET_TAG,
                        Map.of("tag", "a", "value", "x".repeat(1001)),
                        "next:bye"),
                    "setting.tooLong")
                .field())
        .isEqualTo("value");
  }

  @Test
  void audioUrlThatIsNotHttp() {
    assertThat(
            only(
                    withNode(
                        "s", NodeKind.SAY, Map.of("audioUrl", "file:///etc/passwd"), "next:bye"),
                    "setting.url")
                .field())
        .isEqualTo("audioUrl");
  }

  @Test
  void unknownTimezoneInASchedule() {
    Map<String, Object> clause =
        Map.of("type", "schedule", "timezone", "Mars/Olympus", "from", "09:00", "to", "17:00");
    Issue i =
        validate(condition(clause)).stream()
            .filter(x -> x.code().equals("setting.timezone"))
            .findFirst()
            .orElseThrow();
    assertThat(i.nodeId()).isEqualTo("cond");
    assertThat(i.field()).isEqualTo("clauses[0].timezone");
  }

  @Test
  void badTimeInASchedule() {
    Map<String, Object> clause =
        Map.of("type", "schedule", "timezone", "America/Chicago", "from", "25:00", "to", "17:00");
    assertThat(validate(condition(clause)))
        .anyMatch(i -> i.code().equals("setting.time") && i.field().equals("clauses[0].from"));
  }

  @Test
  void badHolidayDate() {
    Map<String, Object> clause =
        Map.of(
            "type", "schedule", "timezone", "America/Chicago", "holidays", List.of("2026-13-45"));
    assertThat(validate(condition(clause)))
        .anyMatch(i -> i.code().equals("setting.date") && i.field().equals("clauses[0].holidays"));
  }

  @Test
  void unknownSettingIsAWarning() {
    Issue i =
        only(
            withNode(
                "tag",
                NodeKind.SET_TAG,
                Map.of("tag", "a", "value", "b", "colour", "red"),
                "next:bye"),
            "setting.unknown");
    assertThat(i.isError()).isFalse();
    assertThat(i.field()).isEqualTo("colour");
  }

  @Test
  void sayWithNeitherTextNorAudio() {
    assertThat(only(withNode("s", NodeKind.SAY, Map.of(), "next:bye"), "say.empty").nodeId())
        .isEqualTo("s");
  }

  @Test
  void menuKeyThatIsNotADigit() {
    Map<String, Object> cfg = Map.of("prompt", "p", "options", List.of(Map.of("key", "x")));
    assertThat(only(withNode("menu", NodeKind.MENU, cfg, "x:bye"), "menu.key").field())
        .isEqualTo("options[0].key");
  }

  @Test
  void menuKeyUsedTwice() {
    Map<String, Object> cfg =
        Map.of("prompt", "p", "options", List.of(Map.of("key", "1"), Map.of("key", "1")));
    assertThat(only(withNode("menu", NodeKind.MENU, cfg, "1:bye"), "menu.duplicateKey").field())
        .isEqualTo("options[1].key");
  }

  @Test
  void collectWithMinimumAboveMaximum() {
    Map<String, Object> cfg =
        Map.of("prompt", "p", "saveAs", "n", "minLength", 6L, "maxLength", 4L);
    assertThat(
            only(withNode("c", NodeKind.COLLECT_DIGITS, cfg, "next:bye"), "collect.length").field())
        .isEqualTo("minLength");
  }

  @Test
  void routeWithoutTargets() {
    assertThat(
            only(withNode("r", NodeKind.ROUTE, Map.of(), "fallback:bye"), "route.noTargets")
                .field())
        .isEqualTo("targets");
  }

  @Test
  void routeToAnUnknownTarget() {
    Issue i =
        only(
            withNode("r", NodeKind.ROUTE, Map.of("targets", List.of("nobody")), "fallback:bye"),
            "route.unknownTarget");
    assertThat(i.message()).contains("\"nobody\"");
  }

  @Test
  void routeToAnUnknownGroup() {
    assertThat(
            only(
                    withNode(
                        "r", NodeKind.ROUTE, Map.of("groups", List.of("nogroup")), "fallback:bye"),
                    "route.unknownGroup")
                .field())
        .isEqualTo("groups");
  }

  @Test
  void connectorThatIsNotRegistered() {
    assertThat(
            only(
                    withNode("c", NodeKind.CONNECTOR, Map.of("connectorId", "nope"), "next:bye"),
                    "connector.unknown")
                .field())
        .isEqualTo("connectorId");
  }

  @Test
  void connectorIdThatIsNotKebabCase() {
    assertThat(
            only(
                    withNode("c", NodeKind.CONNECTOR, Map.of("connectorId", "Bad Id"), "next:bye"),
                    "connector.idFormat")
                .nodeId())
        .isEqualTo("c");
  }

  @Test
  void conditionOnAnUnknownGeoField() {
    assertThat(
            only(
                    condition(
                        Map.of(
                            "type", "geo", "field", "planet", "operator", "equals", "value", "x")),
                    "condition.field")
                .field())
        .isEqualTo("clauses[0].field");
  }

  @Test
  void conditionWithAnInvalidPattern() {
    assertThat(
            only(
                    condition(
                        Map.of("type", "tag", "field", "a", "operator", "regex", "value", "([")),
                    "condition.regex")
                .field())
        .isEqualTo("clauses[0].value");
  }

  @Test
  void conditionWithAnUnknownType() {
    Map<String, Object> clause = Map.of("type", "astrology", "field", "a");
    assertThat(validate(condition(clause)))
        .anyMatch(i -> i.code().equals("setting.allowed") && i.field().equals("clauses[0].type"));
  }

  @Test
  void numericConditionWithoutANumber() {
    assertThat(
            only(
                    condition(
                        Map.of("type", "tag", "field", "a", "operator", "gt", "value", "lots")),
                    "condition.value")
                .field())
        .isEqualTo("clauses[0].value");
  }

  @Test
  void conditionInAnEmptyListCanNeverBeTrue() {
    assertThat(
            only(
                    condition(
                        Map.of(
                            "type",
                            "geo",
                            "field",
                            "state",
                            "operator",
                            "in",
                            "values",
                            List.of())),
                    "condition.neverTrue")
                .field())
        .isEqualTo("clauses[0].values");
  }

  @Test
  void contradictoryClausesCanNeverBeTrue() {
    Issue i =
        only(
            condition(
                Map.of("type", "geo", "field", "state", "operator", "equals", "value", "TX"),
                Map.of("type", "geo", "field", "state", "operator", "equals", "value", "CA")),
            "condition.neverTrue");
    assertThat(i.field()).isEqualTo("clauses");
  }

  @Test
  void historyCountBelowZeroCanNeverBeTrue() {
    assertThat(
            only(
                    condition(
                        Map.of(
                            "type", "history", "windowDays", 7L, "operator", "lt", "value", "0")),
                    "condition.neverTrue")
                .nodeId())
        .isEqualTo("cond");
  }

  @Test
  void loopWithoutAGoToCap() {
    FlowDocument f =
        new Fixtures.FlowBuilder()
            .node("a", NodeKind.SET_TAG, Map.of("tag", "t", "value", "1"))
            .node(
                "b",
                NodeKind.CONDITION,
                Map.of(
                    "clauses", List.of(Map.of("type", "tag", "field", "t", "operator", "exists"))))
            .node("bye", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "a")
            .edge("a", "next", "b")
            .edge("b", "true", "a")
            .edge("b", "false", "bye")
            .build();
    assertThat(only(f, "loop.uncapped").nodeId()).isEqualTo("a");
  }

  @Test
  void loopWithoutAnExit() {
    FlowDocument f =
        new Fixtures.FlowBuilder()
            .node("a", NodeKind.SAY, Map.of("text", "again"))
            .node("g", NodeKind.GOTO, Map.of("maxLoops", 2L))
            .edge("start", "next", "a")
            .edge("a", "next", "g")
            .edge("g", "loop", "a")
            .edge("g", "exhausted", "a")
            .build();
    assertThat(only(f, "loop.noExit").nodeId()).isEqualTo("a");
  }

  @Test
  void cappedLoopWithAnExitIsFine() {
    FlowDocument f =
        new Fixtures.FlowBuilder()
            .node("a", NodeKind.SAY, Map.of("text", "again"))
            .node("g", NodeKind.GOTO, Map.of("maxLoops", 2L))
            .node("bye", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "a")
            .edge("a", "next", "g")
            .edge("g", "loop", "a")
            .edge("g", "exhausted", "bye")
            .build();
    assertThat(validate(f)).noneMatch(Issue::isError);
  }

  @Test
  void unknownCampaign() {
    assertThat(only(base().campaign("nope").build(), "doc.unknownCampaign").field())
        .isEqualTo("campaignId");
  }

  @Test
  void noCampaignIsAWarning() {
    assertThat(only(base().campaign(null).build(), "doc.noCampaign").isError()).isFalse();
  }

  @Test
  void everyIssueNamesAnExistingNodeOrTheDocument() {
    FlowDocument messy =
        base()
            .node("island", NodeKind.ROUTE, Map.of("targets", List.of("x")))
            .edge("hello", "oops", "bye")
            .build();
    List<String> ids = new ArrayList<>(messy.nodes().stream().map(FlowNode::id).toList());
    assertThat(validate(messy))
        .isNotEmpty()
        .allMatch(i -> i.nodeId() == null || ids.contains(i.nodeId()));
    assertThat(messy.edges()).extracting(FlowEdge::from).isNotEmpty();
  }

  private static Map<String, Object> menuCfg() {
    return Map.of(
        "prompt", "Press 1 or 2", "options", List.of(Map.of("key", "1"), Map.of("key", "2")));
  }

  @Test
  void conditionNotInAnEmptyListIsAlwaysTrue() {
    Issue i =
        only(
            condition(
                Map.of("type", "geo", "field", "state", "operator", "notIn", "values", List.of())),
            "condition.alwaysTrue");
    assertThat(i.field()).isEqualTo("clauses[0].values");
    assertThat(i.isError()).isFalse();
  }

  @Test
  void conditionClauseOfAnUnknownTypeIsInvalid() {
    Issue i =
        only(
            condition(Map.of("type", "weather", "field", "rain", "operator", "equals")),
            "condition.invalid");
    assertThat(i.field()).isEqualTo("clauses[0].type");
    assertThat(i.isError()).isTrue();
  }

  @Test
  void historyClauseThatDoesNotCompareACountIsRefused() {
    Issue i =
        only(
            condition(
                Map.of("type", "history", "windowDays", 7L, "operator", "regex", "value", "1+")),
            "condition.operator");
    assertThat(i.field()).isEqualTo("clauses[0].operator");
  }

  @Test
  void scoreClauseThatDoesNotCompareANumberIsRefused() {
    Issue i =
        only(
            condition(Map.of("type", "score", "operator", "equals", "value", "60")),
            "condition.operator");
    assertThat(i.field()).isEqualTo("clauses[0].operator");
  }

  @Test
  void scoreClauseOutsideZeroToHundredIsRefused() {
    Issue i =
        only(
            condition(Map.of("type", "score", "operator", "gte", "value", "101")),
            "condition.value");
    assertThat(i.field()).isEqualTo("clauses[0].value");
  }

  @Test
  void routeToAPausedTargetIsAWarning() {
    Target paused = Target.fixed("paused-law", "acme", "+15125550111", Money.usd("90"));
    paused =
        new Target(
            paused.id(),
            paused.name(),
            paused.buyerId(),
            paused.destination(),
            paused.fixedPrice(),
            1,
            1,
            null,
            null,
            null,
            null,
            null,
            false);
    FlowDocument f =
        withNode("r", NodeKind.ROUTE, Map.of("targets", List.of("paused-law")), "fallback:bye");
    List<Issue> found =
        FlowValidator.validate(f, directoryWith(paused)).stream()
            .filter(i -> i.code().equals("route.inactiveTarget"))
            .toList();
    assertThat(found).singleElement().satisfies(i -> assertThat(i.isError()).isFalse());
    assertThat(found.get(0).message()).contains("paused-law");
  }

  @Test
  void ringTreeRouteToATargetWithoutPriceOrBidIsAWarning() {
    Target unpriced = Target.fixed("free-law", "acme", "+15125550112", null);
    FlowDocument f =
        withNode(
            "r",
            NodeKind.ROUTE,
            Map.of("method", "ringTree", "targets", List.of("free-law", "acme-law")),
            "fallback:bye");
    List<Issue> found =
        FlowValidator.validate(f, directoryWith(unpriced)).stream()
            .filter(i -> i.code().equals("route.noPrice"))
            .toList();
    assertThat(found).singleElement().satisfies(i -> assertThat(i.message()).contains("free-law"));
  }

  /** The demo directory with extra targets. */
  private static DirectorySnapshot directoryWith(Target... extra) {
    DirectorySnapshot d = DemoNetwork.directory();
    List<Target> targets = new ArrayList<>(d.targets());
    targets.addAll(List.of(extra));
    return new DirectorySnapshot(
        d.verticals(),
        d.campaigns(),
        d.publishers(),
        d.buyers(),
        targets,
        d.targetGroups(),
        d.trackingNumbers(),
        d.connectorIds());
  }

  @SafeVarargs
  private static FlowDocument condition(Map<String, Object>... clauses) {
    return withNode(
        "cond", NodeKind.CONDITION, Map.of("clauses", List.of(clauses)), "true:bye", "false:bye");
  }
}
