package org.ringtree.runtime.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.editor.dashboard.DashboardPort;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallScript.Leg;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Qualified" on the dashboard: a call that passed the IVR and reached the route node, whether or
 * not a buyer then took it. Through signed webhooks: a connected call and one that every buyer left
 * unanswered (voicemail after routing) are qualified; a caller who pressed 2 (not an accident)
 * never reached routing and is not. So calls ≥ qualified ≥ connected, and qualified is not just
 * connected under another name.
 */
class QualifiedCallsTest extends RunningPlatformTest {

  @Autowired DashboardPort dashboard;
  @Autowired JdbcClient jdbc;

  @Test
  void qualifiedCountsTheCallsThatReachedRoutingNotOnlyThoseABuyerTook() {
    // the platform's context (and database) is shared with other test classes: count the change
    Instant from = Instant.now().truncatedTo(ChronoUnit.HOURS);
    DashboardPort.Totals before = usd(from);
    CallTranscript connected = driver().place(caller("+13105550801"));
    CallTranscript unanswered =
        driver()
            .place(
                caller("+13105550802")
                    .withLegs(List.of(Leg.BUSY, Leg.NO_ANSWER, Leg.FAILED, Leg.BUSY, Leg.BUSY)));
    CallTranscript other = driver().place(caller("+13105550803").withAnswers(List.of("2")));

    assertThat(routedAt(connected)).isTrue();
    assertThat(routedAt(unanswered)).isTrue();
    assertThat(routedAt(other)).isFalse();
    // routed, yet no buyer took it
    assertThat(isNull(unanswered, "buyer_id")).isTrue();
    assertThat(isNull(connected, "buyer_id")).isFalse();

    DashboardPort.Totals after = usd(from);
    assertThat(after.calls() - before.calls()).isEqualTo(3);
    assertThat(after.qualified() - before.qualified()).isEqualTo(2);
    assertThat(after.connected() - before.connected()).isEqualTo(1);
  }

  private DashboardPort.Totals usd(Instant from) {
    return dashboard.totals(from, from.plus(2, ChronoUnit.HOURS)).stream()
        .filter(x -> x.currency().equals("USD"))
        .findFirst()
        .orElse(DashboardPort.Totals.zero("USD"));
  }

  private static CallScript caller(String number) {
    return CallScript.demo().withCaller(number, "CA", "90210");
  }

  private boolean routedAt(CallTranscript call) {
    return jdbc.sql("SELECT routed_at IS NOT NULL FROM calls WHERE call_sid = ?")
        .param(call.callSid())
        .query(Boolean.class)
        .single();
  }

  private boolean isNull(CallTranscript call, String column) {
    return jdbc.sql("SELECT " + column + " IS NULL FROM calls WHERE call_sid = ?")
        .param(call.callSid())
        .query(Boolean.class)
        .single();
  }
}
