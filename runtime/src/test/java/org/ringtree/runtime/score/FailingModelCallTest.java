package org.ringtree.runtime.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.ringtree.rules.score.LabelledCall;
import org.ringtree.rules.score.Score;
import org.ringtree.rules.score.ScoreModel;
import org.ringtree.rules.score.ScorePrior;
import org.ringtree.rules.score.ScoreTrainer;
import org.ringtree.rules.score.traffic.TrafficGenerator;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallScript.Leg;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A promoted model that fails on every call never stops one: the call is routed and billed as
 * usual, scored by the prior, and its row and trace say the model failed.
 */
@Import(FailingModelCallTest.BrokenModel.class)
class FailingModelCallTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;
  @Autowired CallScoreStore scores;

  /** A real model trained on generated traffic, then damaged in memory so that scoring throws. */
  @TestConfiguration
  static class BrokenModel {
    @Bean
    @Primary
    PromotedModel brokenModel() throws ReflectiveOperationException {
      List<LabelledCall> calls =
          TrafficGenerator.typical(3).generate(2_000).stream()
              .map(c -> new LabelledCall(c.features(), c.converted(), c.facts().arrivedAt()))
              .toList();
      ScoreModel model =
          new ScoreTrainer(java.time.Clock.systemUTC())
              .train(calls, ScoreTrainer.Options.defaults("m-broken", "converted"));
      Field groups = ScoreModel.class.getDeclaredField("groups");
      groups.setAccessible(true);
      groups.set(model, null);
      return () -> Optional.of(model);
    }
  }

  @Test
  void aModelThatThrowsStillRoutesTheCallWithThePriorAndTheNote() {
    CallTranscript call =
        driver()
            .place(
                CallScript.demo()
                    .withCaller("+17135550188", "TX", "77002")
                    .withLegs(List.of(Leg.BUSY)));

    assertThat(call.twiml().get(0)).contains("<Gather");
    assertThat(ledgerKinds(call)).contains("REVENUE");
    String sid = call.callSid();
    java.util.UUID id =
        jdbc.sql("SELECT id FROM calls WHERE call_sid = ?")
            .param(sid)
            .query(java.util.UUID.class)
            .single();
    CallScoreStore.Stored row = scores.find(id).orElseThrow();
    assertThat(row.source()).isEqualTo(Score.Source.PRIOR);
    assertThat(row.model()).isEqualTo(ScorePrior.NAME);
    assertThat(row.note())
        .isEqualTo("model m-broken failed (NullPointerException): the prior scored this call");
    assertThat(
            jdbc.sql(
                    "SELECT t.reason FROM routing_trace t JOIN calls c ON c.id = t.call_id"
                        + " WHERE c.call_sid = ? AND t.kind = 'score' ORDER BY t.seq")
                .param(sid)
                .query(String.class)
                .list())
        .isNotEmpty()
        .allMatch(
            r ->
                r.endsWith(
                    "[model m-broken failed (NullPointerException): the prior scored this call]"));
  }

  private List<String> ledgerKinds(CallTranscript call) {
    return jdbc.sql(
            "SELECT l.kind FROM ledger_entries l JOIN calls c ON c.id = l.call_id"
                + " WHERE c.call_sid = ? ORDER BY l.id")
        .param(call.callSid())
        .query(String.class)
        .list();
  }
}
