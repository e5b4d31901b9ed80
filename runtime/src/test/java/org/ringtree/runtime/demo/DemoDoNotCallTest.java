package org.ringtree.runtime.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.flow.VersionRoutes;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo flow checks every caller against the shipped do-not-call connector (demo/connectors)
 * before routing, through the generated route a compliance reviewer downloads.
 */
class DemoDoNotCallTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;
  @Autowired FlowStore flows;

  @Test
  void aCallerNotOnTheListPassesTheCheckAndIsRouted() {
    CallTranscript call = driver().place(CallScript.demo());

    Map<String, Object> check = connectorRow(call);
    assertThat(check.get("outcome")).as(String.valueOf(check.get("reason"))).isEqualTo("OK");
    assertThat(check.get("route")).isEqualTo(dncRoute());
    assertThat(tag(call)).isEqualTo("false");
    assertThat(
            jdbc.sql("SELECT target_id FROM calls WHERE call_sid = ?")
                .param(call.callSid())
                .query(String.class)
                .single())
        .as("routed to a buyer after the check")
        .isNotNull();
  }

  @Test
  void aListedCallerIsToldAndHungUpBeforeAnyBuyerIsPinged() {
    CallTranscript call =
        driver().place(CallScript.demo().withCaller("+13105550666", "CA", "90210"));

    Map<String, Object> check = connectorRow(call);
    assertThat(check.get("outcome")).as(String.valueOf(check.get("reason"))).isEqualTo("OK");
    assertThat(check.get("route")).isEqualTo(dncRoute());
    assertThat(tag(call)).isEqualTo("true");
    assertThat(String.join("\n", call.twiml()))
        .contains("We are unable to take your call on this line. Goodbye.")
        .doesNotContain("<Dial");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM routing_trace t JOIN calls c ON c.id = t.call_id"
                        + " WHERE c.call_sid = ? AND t.kind = 'ping'")
                .param(call.callSid())
                .query(Long.class)
                .single())
        .isZero();
  }

  /**
   * The generated route of the demo flow's node {@code dnc}, as the compliance download names it.
   */
  private String dncRoute() {
    FlowStore.StoredVersion live = flows.liveVersionOfCampaign("pi-accidents").orElseThrow();
    return VersionRoutes.routeIds(live.compiled()).stream()
        .filter(id -> id.endsWith("-dnc"))
        .findFirst()
        .orElseThrow();
  }

  private Map<String, Object> connectorRow(CallTranscript call) {
    return jdbc.sql(
            "SELECT t.outcome, t.reason, t.detail->>'route' AS route FROM routing_trace t JOIN"
                + " calls c ON c.id = t.call_id WHERE c.call_sid = ? AND t.kind = 'connector'")
        .param(call.callSid())
        .query()
        .singleRow();
  }

  private String tag(CallTranscript call) {
    return jdbc.sql("SELECT state->'facts'->'tags'->>'dnc_listed' FROM calls WHERE call_sid = ?")
        .param(call.callSid())
        .query(String.class)
        .single();
  }
}
