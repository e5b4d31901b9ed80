package org.ringtree.rules.compiler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.directory.DirectorySnapshot;
import org.ringtree.rules.directory.TagFilter;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.engine.Step;
import org.ringtree.rules.examples.DemoNetwork;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.FlowJson;
import org.ringtree.rules.flow.NodeKind;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.RouteContext;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.UsageSnapshot;
import org.ringtree.rules.validation.FlowValidator;
import org.ringtree.rules.validation.Issue;

/**
 * Operator text that looks like code — DRL, MVEL, FEEL, Java, YAML — is data: it is compiled
 * without ever appearing in generated code, and evaluating proves the rules do exactly what they
 * did with harmless text. Where it cannot be data (ids, names) it is rejected.
 */
class HostileInputTest {

  static final List<String> HOSTILE =
      List.of(
          "EVIL\"",
          "EVIL\" ) then System.exit(1); end rule \"x\" when then",
          "EVIL\nend\nrule \"pwn\" when eval(true) then System.exit(1); end",
          "EVIL'); System.exit(1); //",
          "EVIL ${System.exit(1)} #{T(java.lang.Runtime).getRuntime().exec('id')} @{System.exit(1)}",
          "EVIL modify($t) { active = true }; retract($t)",
          "EVIL\") or true or (\"",
          "EVIL \\\" \\u0022 \\n",
          "EVIL ünïcødé ☎ \u202e\u0000\u2028 𝄞",
          "EVIL: !!java.lang.ProcessBuilder [\"id\"]\n- route: {from: {uri: exec:sh}}",
          "EVIL" + "x".repeat(10_240));

  private static final DecisionEngine ENGINE = new DecisionEngine();

  private static FlowDocument tagCondition(String value) {
    return new Fixtures.FlowBuilder()
        .node(
            "cond",
            NodeKind.CONDITION,
            Map.of(
                "clauses",
                List.of(
                    Map.of(
                        "type", "tag", "field", "source", "operator", "equals", "value", value))))
        .node("yes", NodeKind.HANGUP, Map.of())
        .node("no", NodeKind.HANGUP, Map.of())
        .edge("start", "next", "cond")
        .edge("cond", "true", "yes")
        .edge("cond", "false", "no")
        .build();
  }

  private static String branch(CompiledFlow c, String source) {
    ENGINE.load(c);
    CallFacts call =
        Fixtures.call(
            Caller.of("+15125550199", "TX", "78701"), Map.of("source", source), List.of());
    return ENGINE.start(c.versionKey(), call).outcome().nodeId();
  }

  private static void assertNotInGeneratedCode(CompiledFlow c) {
    assertThat(c.drl()).doesNotContain("EVIL");
    assertThat(c.routingDmn()).doesNotContain("EVIL");
    assertThat(c.billingDmn()).doesNotContain("EVIL");
    assertThat(c.camelYaml()).doesNotContain("EVIL");
  }

  @Test
  void hostileConditionValuesAreComparedAsDataAndNeverChangeTheRules() {
    CompiledFlow harmless =
        FlowCompiler.compile(tagCondition("google"), DemoNetwork.directory()).orElseThrow();
    for (String h : HOSTILE) {
      CompiledFlow c = FlowCompiler.compile(tagCondition(h), DemoNetwork.directory()).orElseThrow();
      assertNotInGeneratedCode(c);
      assertThat(c.drl())
          .as("the rules are the same text as with a harmless value")
          .isEqualTo(harmless.drl());
      assertThat(branch(c, h)).as("exact hostile value matches").isEqualTo("yes");
      assertThat(branch(c, "google")).isEqualTo("no");
      assertThat(branch(c, h + " ")).isEqualTo("no");
    }
  }

  @Test
  void hostilePromptsAreSpokenVerbatimOrRejectedWhenTooLong() {
    for (String h : HOSTILE) {
      FlowDocument f =
          new Fixtures.FlowBuilder()
              .node("hi", NodeKind.SAY, Map.of("text", h))
              .node(
                  "tag",
                  NodeKind.SET_TAG,
                  Map.of("tag", "note", "value", h.length() > 1000 ? "ok" : h))
              .node(
                  "menu",
                  NodeKind.MENU,
                  Map.of(
                      "prompt",
                      h,
                      "options",
                      List.of(Map.of("key", "1", "speech", h.length() > 200 ? "x" : h))))
              .node("bye", NodeKind.HANGUP, Map.of("text", h))
              .edge("start", "next", "hi")
              .edge("hi", "next", "tag")
              .edge("tag", "next", "menu")
              .edge("menu", "1", "bye")
              .build();
      CompileResult r = FlowCompiler.compile(f, DemoNetwork.directory());
      if (h.length() > 4000) {
        assertThat(r.compiled()).isEmpty();
        assertThat(r.issues())
            .filteredOn(Issue::isError)
            .extracting(Issue::code)
            .containsOnly("setting.tooLong");
        continue;
      }
      CompiledFlow c = r.orElseThrow();
      assertNotInGeneratedCode(c);
      ENGINE.load(c);
      Step s = ENGINE.start(c.versionKey(), Fixtures.texasCall());
      assertThat(((CallInstruction.Say) s.instructions().get(0)).text()).isEqualTo(h);
      assertThat(s.state().facts().tags()).containsEntry("note", h);
      Step end = ENGINE.next(s.state(), new org.ringtree.rules.engine.CallInput.Digits("1"));
      assertThat(end.outcome().nodeId()).isEqualTo("bye");
    }
  }

  @Test
  void hostileIdsAndNamesAreRejected() {
    for (String h : HOSTILE) {
      FlowDocument f =
          new Fixtures.FlowBuilder()
              .node(h, NodeKind.SET_TAG, Map.of("tag", h, "value", "v"))
              .node("bye", NodeKind.HANGUP, Map.of())
              .edge("start", "next", h)
              .edge(h, "next", "bye")
              .build();
      List<Issue> issues = FlowValidator.validate(f, DemoNetwork.directory());
      assertThat(issues).extracting(Issue::code).contains("node.idFormat", "setting.name");
      assertThat(FlowCompiler.compile(f, DemoNetwork.directory()).compiled()).isEmpty();
    }
  }

  @Test
  void hostileDirectoryValuesStayData() {
    for (String h : HOSTILE) {
      Target t =
          Target.fixed("acme", "acme", "+15125550100", Money.usd("100"))
              .withName(h)
              .withTagFilters(List.of(TagFilter.equalTo("source", h)));
      DirectorySnapshot dir =
          new DirectorySnapshot(
              List.of(),
              DemoNetwork.directory().campaigns(),
              List.of(),
              List.of(),
              List.of(t),
              List.of(),
              List.of(),
              java.util.Set.of());
      FlowDocument f =
          new Fixtures.FlowBuilder()
              .node("route", NodeKind.ROUTE, Map.of("targets", List.of("acme")))
              .node("bye", NodeKind.HANGUP, Map.of())
              .edge("start", "next", "route")
              .edge("route", "fallback", "bye")
              .build();
      CompiledFlow c = FlowCompiler.compile(f, dir).orElseThrow();
      assertNotInGeneratedCode(c);
      ENGINE.load(c);
      RouteDecision skipped =
          ENGINE.route(
              c.versionKey(),
              "route",
              RouteContext.of(Fixtures.texasCall(), UsageSnapshot.EMPTY),
              null);
      assertThat(skipped.winner()).isEmpty();
      CallFacts matching =
          Fixtures.call(Caller.of("+15125550199", "TX", "78701"), Map.of("source", h), List.of());
      RouteDecision taken =
          ENGINE.route(
              c.versionKey(), "route", RouteContext.of(matching, UsageSnapshot.EMPTY), null);
      assertThat(taken.winner()).map(w -> w.name()).contains(h);
    }
  }

  @Test
  void hostileFileImportGivesIssuesNotTraces() {
    for (String h : HOSTILE) {
      assertThat(FlowJson.read(h).issues()).isNotEmpty();
      String quoted =
          new String(
              com.fasterxml.jackson.core.io.JsonStringEncoder.getInstance().quoteAsString(h));
      String doc =
          "{\"schemaVersion\":1,\"nodes\":[{\"id\":\""
              + quoted
              + "\",\"kind\":\""
              + quoted
              + "\"}]}";
      assertThat(FlowJson.read(doc).issues()).isNotEmpty();
    }
  }
}
