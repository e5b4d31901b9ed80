package org.ringtree.rules.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.money.Money;

/**
 * Pins every generated artefact (DRL, routing and billing DMN, Camel YAML, rule index, connector
 * endpoints, version id and the directory subset) of the demo flow and of a flow that uses every
 * node kind, byte for byte, to the files under {@code src/test/resources/golden}. Moving a kind's
 * compilation into its handler must not change one byte; a deliberate change re-records them with
 * {@code -Dgolden.record=true} and shows up in the diff.
 */
class GoldenArtifactsTest {

  private static final Path SOURCE = Path.of("src", "test", "resources", "golden");

  @ParameterizedTest
  @ValueSource(strings = {"demo", "every-kind"})
  void compilesToTheRecordedArtifacts(String name) throws IOException {
    CompiledFlow c =
        "demo".equals(name)
            ? Fixtures.demoCompiled()
            : FlowCompiler.compile(everyKindFlow(), everyKindDirectory()).orElseThrow();
    Map<String, String> files = artifacts(c);
    if (Boolean.getBoolean("golden.record")) {
      Path dir = SOURCE.resolve(name);
      Files.createDirectories(dir);
      for (var e : files.entrySet()) {
        Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
      }
      return; // the classpath copy is the old one until the next build
    }
    for (var e : files.entrySet()) {
      assertThat(e.getValue())
          .as(
              "golden/%s/%s (re-record with -Dgolden.record=true if the change is meant)",
              name, e.getKey())
          .isEqualTo(recorded(name + "/" + e.getKey()));
    }
  }

  @Test
  void theEveryKindFlowUsesEveryKindAndBothShapedArtefacts() {
    FlowDocument flow = everyKindFlow();
    assertThat(flow.nodes().stream().map(n -> n.kind()).distinct())
        .containsExactlyInAnyOrder(NodeKind.values());
    CompiledFlow c = FlowCompiler.compile(flow, everyKindDirectory()).orElseThrow();
    assertThat(c.connectorEndpoints()).containsOnlyKeys("crm", "enrich");
    assertThat(c.routingDmn()).contains("routing-ring").contains("routing-backup");
    assertThat(c.routingDmn()).contains("Publisher payout / 0.85");
  }

  private static Map<String, String> artifacts(CompiledFlow c) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("version.txt", c.versionKey() + "\n");
    files.put("flow.drl", c.drl());
    files.put("routing.dmn", c.routingDmn());
    files.put("billing.dmn", c.billingDmn());
    files.put("camel.yaml", c.camelYaml());
    files.put("directory.json", c.directoryJson());
    StringBuilder endpoints = new StringBuilder();
    c.connectorEndpoints().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> endpoints.append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
    files.put("endpoints.tsv", endpoints.toString());
    StringBuilder index = new StringBuilder();
    c.ruleIndex()
        .forEach(
            e ->
                index
                    .append(e.ruleId())
                    .append('\t')
                    .append(e.artifact())
                    .append('\t')
                    .append(e.nodeId())
                    .append('\t')
                    .append(e.description())
                    .append('\n'));
    files.put("rule-index.tsv", index.toString());
    return files;
  }

  private static String recorded(String file) throws IOException {
    try (InputStream in = GoldenArtifactsTest.class.getResourceAsStream("/golden/" + file)) {
      assertThat(in).as("golden/" + file + " is recorded").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The demo directory with a campaign that keeps a percentage as well as an amount. */
  static DirectorySnapshot everyKindDirectory() {
    DirectorySnapshot d = DemoNetwork.directory();
    Campaign demo = d.campaigns().get(0);
    Campaign margins =
        new Campaign(
            demo.id(),
            demo.name(),
            demo.verticalId(),
            demo.currency(),
            demo.payout(),
            demo.duplicateRule(),
            new BigDecimal("15"),
            Money.usd("20"));
    return new DirectorySnapshot(
        d.verticals(),
        List.of(margins),
        d.publishers(),
        d.buyers(),
        d.targets(),
        d.targetGroups(),
        d.trackingNumbers(),
        d.connectorIds());
  }

  /** Every node kind at least once, two route and two connector nodes, every clause type. */
  static FlowDocument everyKindFlow() {
    return new Fixtures.FlowBuilder()
        .node(
            "hello",
            NodeKind.SAY,
            Map.of("text", "Hello.", "recordingNotice", true, "voice", "Polly.Joanna"))
        .node(
            "pick",
            NodeKind.RANDOM_PROMPT,
            Map.of("prompts", List.of(Map.of("text", "One."), Map.of("text", "Two."))))
        .node(
            "choose",
            NodeKind.MENU,
            Map.of(
                "prompt",
                "Press 1 for help, 2 for sales.",
                "saveAs",
                "choice",
                "options",
                List.of(
                    Map.of("key", "1", "label", "Help"), Map.of("key", "2", "speech", "sales"))))
        .node(
            "zip",
            NodeKind.COLLECT_DIGITS,
            Map.of(
                "prompt",
                "Your zip, please.",
                "mode",
                "zip",
                "minLength",
                5L,
                "maxLength",
                5L,
                "saveAs",
                "zip"))
        .node(
            "crm",
            NodeKind.CONNECTOR,
            Map.of(
                "connectorId",
                "crm-lookup",
                "inputs",
                Map.of("phone", "caller.number", "zip", "answer.zip"),
                "outputs",
                Map.of("vip", "isVip"),
                "timeoutMillis",
                1500L))
        .node(
            "check",
            NodeKind.CONDITION,
            Map.of(
                "match",
                "all",
                "clauses",
                List.of(
                    Map.of(
                        "type", "geo", "field", "state", "operator", "in", "values", List.of("TX")),
                    Map.of(
                        "type",
                        "answer",
                        "field",
                        "zip",
                        "operator",
                        "regex",
                        "value",
                        "7[0-9]{4}"),
                    Map.of("type", "tag", "field", "vip", "operator", "notEquals", "value", "no"),
                    Map.of("type", "caller", "field", "areaCode", "operator", "exists"),
                    Map.of(
                        "type",
                        "schedule",
                        "timezone",
                        "America/Chicago",
                        "days",
                        List.of("MON", "TUE", "WED", "THU", "FRI"),
                        "from",
                        "08:00",
                        "to",
                        "20:00",
                        "holidays",
                        List.of("2026-12-25")),
                    Map.of(
                        "type",
                        "history",
                        "windowDays",
                        30L,
                        "basis",
                        "connected",
                        "operator",
                        "lt",
                        "value",
                        "2"))))
        .node("mark", NodeKind.SET_TAG, Map.of("tag", "qualified", "value", "yes"))
        .node(
            "ring",
            NodeKind.ROUTE,
            Map.of(
                "targets",
                List.of("acme-law", "beta-legal"),
                "groups",
                List.of("tx-backup"),
                "method",
                "ringTree",
                "floor",
                new BigDecimal("50.50"),
                "pingDeadlineMillis",
                1500L,
                "dialTimeoutSeconds",
                25L))
        .node(
            "enrich",
            NodeKind.CONNECTOR,
            Map.of("connectorId", "crm-lookup", "inputs", Map.of("q", "qualified")))
        .node(
            "backup",
            NodeKind.ROUTE,
            Map.of(
                "targets",
                List.of("gamma-attorneys"),
                "method",
                "performance",
                "auction",
                "oneAuction",
                "performanceMetric",
                "revenuePerCall",
                "record",
                false))
        .node("again", NodeKind.GOTO, Map.of("maxLoops", 2L))
        .node("vm", NodeKind.VOICEMAIL, Map.of("maxLengthSeconds", 60L))
        .node("bye", NodeKind.HANGUP, Map.of("text", "Goodbye."))
        .edge("start", "next", "hello")
        .edge("hello", "next", "pick")
        .edge("pick", "next", "choose")
        .edge("choose", "1", "zip")
        .edge("choose", "2", "zip")
        .edge("zip", "next", "crm")
        .edge("crm", "next", "check")
        .edge("crm", "error", "check")
        .edge("check", "true", "mark")
        .edge("check", "false", "again")
        .edge("again", "loop", "choose")
        .edge("again", "exhausted", "bye")
        .edge("mark", "next", "ring")
        .edge("ring", "fallback", "enrich")
        .edge("enrich", "next", "backup")
        .edge("backup", "fallback", "vm")
        .edge("vm", "next", "bye")
        .build();
  }
}
