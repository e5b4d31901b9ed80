package org.ringtree.runtime.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallScript.Leg;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The demo network's telephony rates on the running platform: the seeder puts Twilio's US list
 * prices live through the normal rate store, and a call placed through signed webhooks books one
 * cost row for its inbound leg and one per dialled leg Twilio bills (the answered one; a leg that
 * rang out unanswered costs nothing), each to the cent of minutes-rounded-up × the rate and naming
 * the rate version and the leg.
 */
@TestPropertySource(properties = "ringtree.demo.telephony-rates=true")
class DemoCallCostsTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;
  @Autowired CostRates rates;

  @Test
  void theDemoSeedsTwiliosUsListPricesAsALiveNetworkRate() {
    List<TelephonyRate> all = rates.all();
    assertThat(all).hasSize(1);
    TelephonyRate r = all.get(0);
    assertThat(r.campaignId()).isEqualTo(TelephonyRate.NETWORK);
    assertThat(r.state()).isEqualTo(TelephonyRate.State.LIVE);
    assertThat(r.requestedBy()).isEqualTo("demo-seed");
    assertThat(r.currency()).isEqualTo("USD");
    assertThat(r.inboundPerMinute()).isEqualByComparingTo("0.0085");
    assertThat(r.dialledPerMinute()).isEqualByComparingTo("0.0130");
    assertThat(r.recordingPerMinute()).isEqualByComparingTo("0.0025");
    assertThat(r.numberRentPerMonth()).isEqualByComparingTo("1.15");
    // seeded through the store that audits every rate change
    long audited =
        jdbc.sql(
                "SELECT count(*) FROM audit_log WHERE object_type = 'telephony_rate'"
                    + " AND actor = 'demo-seed'")
            .query(Long.class)
            .single();
    assertThat(audited).isEqualTo(1);
  }

  @Test
  void aCallsInboundLegAndEachBilledDialledLegFollowTheRatesToTheCent() {
    TelephonyRate rate = rates.all().get(0);
    // the first bidder does not answer, the second talks 3 min 10 s
    CallScript script = CallScript.demo().withCaller("+13105550777", "CA", "90210");
    script =
        new CallScript(
            script.trackingNumber(),
            script.callerNumber(),
            script.callerState(),
            script.callerZip(),
            script.callerCity(),
            script.answers(),
            List.of(Leg.NO_ANSWER, Leg.ANSWER),
            190);
    CallTranscript call = driver().place(script);

    List<Map<String, Object>> legs =
        jdbc.sql(
                "SELECT e.request->>'DialCallStatus' AS status, e.request->>'DialCallSid' AS sid"
                    + " FROM call_events e JOIN calls c ON c.id = e.call_id"
                    + " WHERE c.call_sid = ? AND e.kind = 'dial' ORDER BY e.id")
            .param(call.callSid())
            .query()
            .listOfRows();
    assertThat(legs).extracting(l -> l.get("status")).containsExactly("no-answer", "completed");

    List<Map<String, Object>> rows =
        jdbc.sql(
                "SELECT l.amount, l.rule_ref, l.description, l.idempotency_key, l.party_id"
                    + " FROM ledger_entries l JOIN calls c ON c.id = l.call_id"
                    + " WHERE c.call_sid = ? AND l.kind = 'COST' ORDER BY l.id")
            .param(call.callSid())
            .query()
            .listOfRows();
    // inbound: every started minute of the whole call × 0.0085, once to the cent, half to even
    long inboundMinutes = (call.totalSeconds() + 59) / 60;
    BigDecimal inbound =
        new BigDecimal("0.0085")
            .multiply(BigDecimal.valueOf(inboundMinutes))
            .setScale(2, RoundingMode.HALF_EVEN);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("rule_ref", "rate-" + rate.id() + "#inbound")
        .containsEntry("party_id", "twilio");
    assertThat((BigDecimal) rows.get(0).get("amount")).isEqualByComparingTo(inbound);
    assertThat(rows.get(0).get("description").toString())
        .startsWith("inbound " + call.totalSeconds() + " s = " + inboundMinutes + " min × 0.0085");
    // the answered leg: 190 s = 4 started minutes × 0.0130 = 0.0520 → 0.05; the unanswered leg
    // books nothing (Twilio does not bill a leg nobody answered)
    assertThat(rows.get(1))
        .containsEntry("rule_ref", "rate-" + rate.id() + "#dialled")
        .containsEntry("amount", new BigDecimal("0.05"));
    assertThat(rows.get(1).get("description").toString())
        .isEqualTo(
            "dialled 190 s = 4 min × 0.0130 USD/min = 0.0520 (leg " + legs.get(1).get("sid") + ")");
    assertThat(rows.get(1).get("idempotency_key").toString()).endsWith(":cost-dialled");
  }
}
