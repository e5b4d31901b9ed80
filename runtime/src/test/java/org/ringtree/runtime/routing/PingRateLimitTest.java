package org.ringtree.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.config.InvalidConfigurationException;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** A buyer limited to one ping per long while is pinged once; the next call skips it, traced. */
@TestPropertySource(properties = "ringtree.rtb.rate-limits.bidder-two-rtb=0.001,1")
class PingRateLimitTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;

  @Test
  void aTargetOverItsPingRateIsNotPingedAndTheTraceSaysSo() {
    CallTranscript first = driver().place(CallScript.demo().withCaller("+13105550101", "CA", "1"));
    CallTranscript second = driver().place(CallScript.demo().withCaller("+13105550102", "CA", "1"));

    assertThat(ping(first)).isEqualTo("ACCEPTED");
    assertThat(ping(second)).isEqualTo("RATE_LIMITED");
  }

  @Test
  void aMalformedRateIsAConfigurationErrorNamingTheTarget() {
    assertThat(RoutingConfiguration.rate("5,10", "x").burst()).isEqualTo(10);
    assertThatThrownBy(() -> RoutingConfiguration.rate("fast", "acme-rtb"))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("acme-rtb");
  }

  private String ping(CallTranscript call) {
    List<String> outcomes =
        jdbc.sql(
                "SELECT t.outcome FROM routing_trace t JOIN calls c ON c.id = t.call_id"
                    + " WHERE c.call_sid = ? AND t.kind = 'ping' AND t.target_id = 'bidder-two-rtb'")
            .param(call.callSid())
            .query(String.class)
            .list();
    assertThat(outcomes).hasSize(1);
    return outcomes.get(0);
  }
}
