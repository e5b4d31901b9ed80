package org.ringtree.runtime.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code ringtree.score.enabled=false} (docs/score.md, "Switched off"): a call is routed as before,
 * but no score is computed, stored or traced.
 */
class ScoringSwitchedOffTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void scoringOff(DynamicPropertyRegistry registry) {
    registry.add("ringtree.test.platform", () -> "scoring-off");
    registry.add("ringtree.score.enabled", () -> "false");
  }

  @Test
  void aCallIsRoutedWithNoScoreRowAndNoScoreLineInItsTrace() {
    CallTranscript call =
        driver()
            .place(
                CallScript.demo().withCaller("+14155550177", "CA", "94103").withAnswers(List.of()));

    assertThat(call.heard()).isNotEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM call_scores s JOIN calls c ON c.id = s.call_id"
                        + " WHERE c.call_sid = ?")
                .param(call.callSid())
                .query(Long.class)
                .single())
        .isZero();
    List<String> kinds =
        jdbc.sql(
                "SELECT t.kind FROM routing_trace t JOIN calls c ON c.id = t.call_id"
                    + " WHERE c.call_sid = ? ORDER BY t.seq")
            .param(call.callSid())
            .query(String.class)
            .list();
    assertThat(kinds).isNotEmpty().doesNotContain("score");
  }
}
