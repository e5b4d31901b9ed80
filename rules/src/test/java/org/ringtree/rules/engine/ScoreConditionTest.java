package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.Fixtures;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallScore;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.flow.FlowDocument;
import org.ringtree.rules.flow.NodeKind;

/** A condition on the call's quality score, run through the compiled flow's rules. */
class ScoreConditionTest {

  private static final Map<String, Object> AT_LEAST_60 =
      Map.of("type", "score", "operator", "gte", "value", "60");

  private static CallFacts scored(Integer score) {
    CallFacts call =
        new CallFacts(
            "call-1",
            "legal-tx",
            "pub-1",
            "+18005550100",
            new Caller("+15125550199", "TX", "78701", "Austin", null, "US"),
            Map.of(),
            Map.of(),
            Fixtures.WEDNESDAY_10_CHICAGO,
            List.of());
    return score == null ? call : call.withScore(new CallScore(score, "", 0));
  }

  @Test
  void aCallScoringAtLeastTheThresholdTakesTheTruePort() {
    assertThat(ConditionRulesTest.branch("all", List.of(AT_LEAST_60), scored(60))).isEqualTo("yes");
    assertThat(ConditionRulesTest.branch("all", List.of(AT_LEAST_60), scored(85))).isEqualTo("yes");
  }

  @Test
  void aLowScoreTakesTheFalsePort() {
    assertThat(ConditionRulesTest.branch("all", List.of(AT_LEAST_60), scored(59))).isEqualTo("no");
    assertThat(
            ConditionRulesTest.branch(
                "all",
                List.of(Map.of("type", "score", "operator", "lt", "value", "40")),
                scored(23)))
        .isEqualTo("yes");
  }

  @Test
  void aCallNotScoredMeetsNoScoreClause() {
    assertThat(ConditionRulesTest.branch("all", List.of(AT_LEAST_60), scored(null)))
        .isEqualTo("no");
    assertThat(
            ConditionRulesTest.branch(
                "all",
                List.of(Map.of("type", "score", "operator", "lt", "value", "60")),
                scored(null)))
        .isEqualTo("no");
  }

  @Test
  void theRuleIndexDescribesTheClauseInWords() {
    FlowDocument flow =
        new Fixtures.FlowBuilder()
            .node("cond", NodeKind.CONDITION, Map.of("clauses", List.of(AT_LEAST_60)))
            .node("yes", NodeKind.HANGUP, Map.of())
            .node("no", NodeKind.HANGUP, Map.of())
            .edge("start", "next", "cond")
            .edge("cond", "true", "yes")
            .edge("cond", "false", "no")
            .build();
    CompiledFlow compiled = Harness.compile(flow, Fixtures.directory());
    assertThat(compiled.ruleIndex())
        .anySatisfy(
            e ->
                assertThat(e.description())
                    .isEqualTo("True when the call's quality score is at least 60."));
  }
}
