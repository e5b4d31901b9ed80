package org.ringtree.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ringtree.rules.engine.Harness.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallScore;
import org.ringtree.rules.compiler.CompiledFlow;
import org.ringtree.rules.directory.Target;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.routing.Candidate;
import org.ringtree.rules.routing.RouteDecision;
import org.ringtree.rules.routing.UsageSnapshot;
import org.ringtree.rules.trace.Justification;

/** A target's minimum call-quality score: a call below it skips the target, with the reason. */
class ScoreFloorTest {

  private static final Target PREMIUM = target("premium").withMinScore(80);
  private static final Target ANYONE = target("anyone").withPriorityAndWeight(2, 1);

  private static RouteDecision routeWith(CallFacts call) {
    CompiledFlow f =
        routeFlow(directory(campaign(), List.of(PREMIUM, ANYONE), List.of()), "priority", Map.of());
    return route(f, call, UsageSnapshot.EMPTY, null);
  }

  private static List<String> ranked(RouteDecision d) {
    return d.ranked().stream().map(Candidate::targetId).toList();
  }

  @Test
  void aTargetWithFloor80IsSkippedForAScore50Call() {
    RouteDecision d = routeWith(texas().withScore(new CallScore(50, "", 0)));
    assertThat(ranked(d)).containsExactly("anyone");
    assertThat(d.justifications())
        .filteredOn(j -> j.ruleId().equals("score_floor"))
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.subject()).isEqualTo("premium");
              assertThat(j.verdict()).isEqualTo(Justification.Verdict.SKIPPED);
              assertThat(j.message())
                  .isEqualTo(
                      "Premium skipped: the call's score 50 is below the target's minimum 80");
            });
  }

  @Test
  void aCallAtTheFloorIsTaken() {
    assertThat(ranked(routeWith(texas().withScore(new CallScore(80, "", 0)))))
        .containsExactly("premium", "anyone");
  }

  @Test
  void aCallNotScoredIsNotHeldToTheFloor() {
    assertThat(ranked(routeWith(texas()))).containsExactly("premium", "anyone");
  }

  @Test
  void theFloorIsStoredWithTheTargetAndATargetWithoutOneKeepsItsJson() throws Exception {
    String json = RingtreeJson.write(PREMIUM);
    assertThat(RingtreeJson.mapper().readValue(json, Target.class)).isEqualTo(PREMIUM);
    assertThat(RingtreeJson.write(ANYONE)).doesNotContain("minScore");
  }
}
