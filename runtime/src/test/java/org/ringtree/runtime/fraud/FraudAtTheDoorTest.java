package org.ringtree.runtime.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallScript.Leg;
import org.ringtree.tools.driver.CallTranscript;
import org.ringtree.tools.driver.TwilioDriver;
import org.ringtree.tools.driver.WebhookExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The fraud defences at the door of the running platform, configured over the API and met by calls
 * posted as signed Twilio webhooks: each defence stops, marks or flags what it is for and lets a
 * normal caller through; its findings are in the call's trace and the findings list.
 */
class FraudAtTheDoorTest extends RunningPlatformTest {

  private static final String PI = "+18885550101"; // pi-accidents, sunrise-media, live flow
  private static final String WORKERS_COMP = "+18885550104"; // another campaign, no live flow

  @Autowired JdbcClient jdbc;
  @Autowired FraudSettings settings;

  private Api operator() {
    return Api.signedIn(baseUrl, "operator", "ringtree-operator-demo");
  }

  @AfterEach
  void noDefencesLeftForOtherTests() {
    jdbc.sql("DELETE FROM fraud_blocklist").update();
    jdbc.sql("DELETE FROM fraud_policies").update();
    settings.reload();
  }

  /** Texas caller; Bidder Two (the only RTB bidder for TX) is busy, so Acme's $250 takes it. */
  private static CallScript texas(String caller) {
    return CallScript.demo()
        .withTrackingNumber(PI)
        .withCaller(caller, "TX", "73301")
        .withLegs(List.of(Leg.BUSY));
  }

  @Test
  void aBlocklistedCallerIsRejectedAtTheDoorAndANormalCallerIsRouted() {
    Api.Reply imported =
        operator()
            .postText(
                "/api/fraud/blocklist?list=litigators",
                "text/csv",
                "number,note\n+13105557001,TCPA litigator\n(310) 555-7002\n");
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().path("entries").asInt()).isEqualTo(2);
    policy("*", Map.of("actions", Map.of("BLOCKLIST", "REJECT")), false);

    CallTranscript blocked = driver().place(texas("+13105557001"));
    CallTranscript normal = driver().place(texas("+13105557099"));

    assertThat(blocked.twiml().get(0)).contains("<Reject").doesNotContain("<Gather");
    assertThat(trace(blocked))
        .containsExactly(
            "fraud REJECTED caller +13105557001 is on the blocklist: number +13105557001 (TCPA"
                + " litigator)");
    assertThat(ledger(blocked)).isEmpty();
    assertThat(normal.twiml().get(0)).contains("<Gather");
    assertThat(trace(normal)).noneMatch(t -> t.startsWith("fraud "));
    assertThat(ledger(normal))
        .containsExactly(
            "REVENUE BUYER acme-law 250.00 USD", "PAYOUT PUBLISHER sunrise-media 200.00 USD");

    JsonNode findings = operator().get("/api/fraud/findings").json();
    assertThat(findings.get(0).path("callSid").asText()).isEqualTo(blocked.callSid());
    assertThat(findings.get(0).path("check").asText()).isEqualTo("BLOCKLIST");
    assertThat(findings.get(0).path("outcome").asText()).isEqualTo("REJECTED");
    JsonNode listed = operator().get("/api/fraud/blocklist?list=litigators").json();
    assertThat(listed.path("total").asInt()).isEqualTo(2);
    assertThat(listed.path("entries").findValuesAsText("value"))
        .containsExactlyInAnyOrder("+13105557001", "+13105557002");
    assertThat(listed.path("entries").get(0).path("addedBy").asText()).isEqualTo("operator");
  }

  @Test
  void aDeletedEntryNoLongerBlocks() {
    operator().postText("/api/fraud/blocklist", "text/csv", "+13105557011\n");
    policy("*", Map.of("actions", Map.of("BLOCKLIST", "REJECT")), false);
    long id =
        operator().get("/api/fraud/blocklist").json().path("entries").get(0).path("id").asLong();

    assertThat(operator().delete("/api/fraud/blocklist/" + id).status()).isEqualTo(200);
    CallTranscript call = driver().place(texas("+13105557011"));

    assertThat(call.twiml().get(0)).contains("<Gather");
    assertThat(auditActions("fraud-blocklist"))
        .contains("fraud-blocklist.import", "fraud-blocklist.delete");
  }

  @Test
  void aMalformedBlocklistIsRefusedWithItsLineNumbersAndNothingIsImported() {
    Api.Reply refused =
        operator()
            .postText(
                "/api/fraud/blocklist",
                "text/csv",
                "+13105557021\n+13105557022,ok\nnot-a-number\n512\n12*\n");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").asText()).contains("line 3").contains("nothing");
    assertThat(refused.json().path("lines").findValuesAsText("line")).containsExactly("3", "5");
    assertThat(count("fraud_blocklist")).isZero();
  }

  @Test
  void aBlocklistOrPolicyThatWouldStopEveryCallNeedsConfirmationAndTheConfirmationIsAudited() {
    Api.Reply unconfirmed = operator().postText("/api/fraud/blocklist", "text/csv", "+1*\n");
    assertThat(unconfirmed.status()).isEqualTo(409);
    assertThat(unconfirmed.json().path("needsConfirmation").get(0).asText())
        .contains("every caller of country code +1");
    assertThat(count("fraud_blocklist")).isZero();

    Api.Reply confirmed =
        operator().postText("/api/fraud/blocklist?confirm=true", "text/csv", "+1*\n");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    assertThat(count("fraud_blocklist")).isEqualTo(1);

    Map<String, Object> stopsUnsigned = Map.of("actions", Map.of("STIR_UNATTESTED", "REJECT"));
    assertThat(policy("*", stopsUnsigned, false).status()).isEqualTo(409);
    // the refused policy was not saved (the network has none, or the default of V89)
    assertThat(operator().get("/api/fraud/policies/*").body()).doesNotContain("STIR_UNATTESTED");
    assertThat(policy("*", stopsUnsigned, true).status()).isEqualTo(200);
    assertThat(auditActions("fraud-blocklist")).contains("fraud-blocklist.import");
    assertThat(auditActions("fraud-policy")).contains("fraud-policy.save-confirmed");
    String audited =
        jdbc.sql(
                "SELECT after::text FROM audit_log WHERE action = 'fraud-blocklist.import'"
                    + " ORDER BY id DESC LIMIT 1")
            .query(String.class)
            .single();
    assertThat(audited).contains("confirmed").contains("+1");
  }

  @Test
  void aRepeatDialerIsStoppedOnItsThirdCallCountedAcrossTwoCampaigns() {
    policy(
        "*",
        Map.of(
            "actions",
            Map.of("VELOCITY", "MESSAGE_AND_HANG_UP"),
            "velocityCalls",
            2,
            "velocityWindowMinutes",
            60,
            "message",
            "This line cannot take your call. Goodbye."),
        false);
    String dialer = "+13105557031";

    CallTranscript first = driver().place(texas(dialer).withTrackingNumber(WORKERS_COMP));
    CallTranscript second = driver().place(texas(dialer));
    CallTranscript third = driver().place(texas(dialer));

    assertThat(campaign(first)).isEqualTo("workers-comp");
    assertThat(second.twiml().get(0)).contains("<Gather");
    assertThat(trace(second)).noneMatch(t -> t.startsWith("fraud "));
    assertThat(third.twiml().get(0))
        .contains("<Say>This line cannot take your call. Goodbye.</Say>")
        .contains("<Hangup/>")
        .doesNotContain("<Gather");
    assertThat(trace(third))
        .containsExactly("fraud HUNG_UP the caller called 3 times in 1 hour (limit 2)");
    assertThat(ledger(third)).isEmpty();
    // another caller is not counted with the dialer
    assertThat(driver().place(texas("+13105557032")).twiml().get(0)).contains("<Gather");
  }

  @Test
  void anUnattestedCallUnderANotPayablePolicyIsRoutedBilledAndItsPublisherIsNotPaid() {
    // the driver sends no StirVerstat: no SHAKEN/STIR verification came with the call
    policy(
        "pi-accidents", Map.of("actions", Map.of("STIR_UNATTESTED", "ROUTE_NOT_PAYABLE")), false);

    CallTranscript call = driver().place(texas("+13105557041"));

    assertThat(call.twiml().get(0)).contains("<Gather");
    assertThat(ledger(call)).containsExactly("REVENUE BUYER acme-law 250.00 USD");
    assertThat(column(call, "payable_to_publisher")).isEqualTo("false");
    assertThat(column(call, "billable_to_buyer")).isEqualTo("true");
    assertThat(column(call, "buyer_id")).isEqualTo("acme-law");
    List<String> trace = trace(call);
    assertThat(trace.get(0))
        .isEqualTo("fraud NOT_PAYABLE no SHAKEN/STIR verification came with the call");
    assertThat(trace)
        .anyMatch(
            t ->
                t.startsWith("billing NO_PAY Publisher not paid: fraud defence: no SHAKEN/STIR")
                    && t.contains("would pay 200.00"));
  }

  @Test
  void aFlaggedCallIsRoutedAndPaidAndListedForReview() {
    policy("*", Map.of("actions", Map.of("TOLL_FREE_CALLER_ID", "FLAG_FOR_REVIEW")), false);

    CallTranscript call = driver().place(texas("+18005550199"));

    assertThat(ledger(call))
        .containsExactly(
            "REVENUE BUYER acme-law 250.00 USD", "PAYOUT PUBLISHER sunrise-media 200.00 USD");
    assertThat(trace(call).get(0)).startsWith("fraud FLAGGED caller id is ");
    assertThat(operator().get("/api/fraud/findings").json().get(0).path("outcome").asText())
        .isEqualTo("FLAGGED");
  }

  @Test
  void twiliosStirVerstatDecidesWhetherTheCallIsAttested() {
    policy(
        "*",
        Map.of(
            "actions",
            Map.of("STIR_UNATTESTED", "REJECT", "STIR_FAILED", "REJECT"),
            "minimumAttestation",
            "B"),
        true);

    WebhookExchange passedA = incoming("+13105557051", "TN-Validation-Passed-A");
    WebhookExchange passedC = incoming("+13105557052", "TN-Validation-Passed-C");
    WebhookExchange failed = incoming("+13105557053", "TN-Validation-Failed-A");
    WebhookExchange none = incoming("+13105557054", null);

    assertThat(passedA.status()).isEqualTo(200);
    assertThat(passedA.body()).contains("<Gather");
    assertThat(passedC.body()).contains("<Reject");
    assertThat(failed.body()).contains("<Reject");
    assertThat(none.body()).contains("<Reject");
    assertThat(traceOf(sid(failed)))
        .containsExactly("fraud REJECTED SHAKEN/STIR verification failed (TN-Validation-Failed-A)");
    assertThat(traceOf(sid(passedC)))
        .containsExactly(
            "fraud REJECTED SHAKEN/STIR attestation C is below the policy's minimum B");
  }

  @Test
  void aCampaignsPolicyOverridesTheNetworksCheckByCheck() {
    policy("*", Map.of("actions", Map.of("TOLL_FREE_CALLER_ID", "REJECT")), false);
    policy(
        "pi-accidents", Map.of("actions", Map.of("TOLL_FREE_CALLER_ID", "FLAG_FOR_REVIEW")), false);

    Api.Reply saved = operator().get("/api/fraud/policies/pi-accidents");
    WebhookExchange call = incoming("+18005550198", null);

    assertThat(saved.json().path("settings").path("actions").path("TOLL_FREE_CALLER_ID").asText())
        .isEqualTo("FLAG_FOR_REVIEW");
    assertThat(saved.json().path("version").asInt()).isEqualTo(1);
    assertThat(call.body()).contains("<Gather");
    assertThat(traceOf(sid(call)).get(0)).startsWith("fraud FLAGGED");
    assertThat(policy("no-such-campaign", Map.of(), false).status()).isEqualTo(404);
    assertThat(
            policy("*", Map.of("actions", Map.of("VELOCITY", "REJECT")), false).json().toString())
        .contains("velocity");
  }

  @Test
  void aDialerRotatingItsLastDigitsIsRejectedOnceTooManyNumbersShareItsPrefix() {
    policy(
        "*",
        Map.of(
            "actions",
            Map.of("ROTATING_DIALER", "REJECT"),
            "rotationNumbers",
            2,
            "rotationWindowMinutes",
            60),
        false);

    WebhookExchange first = incoming("+12134448001", null);
    WebhookExchange again = incoming("+12134448001", null);
    WebhookExchange second = incoming("+12134448002", null);
    WebhookExchange third = incoming("+12134448003", null);
    WebhookExchange otherExchange = incoming("+12134449004", null);

    assertThat(first.body()).contains("<Gather");
    assertThat(again.body()).contains("<Gather");
    assertThat(second.body()).contains("<Gather");
    assertThat(third.body()).contains("<Reject").doesNotContain("<Gather");
    assertThat(traceOf(sid(third)))
        .containsExactly(
            "fraud REJECTED 3 different numbers starting +12134448 from this source in 1 hour"
                + " (limit 2)");
    assertThat(otherExchange.body()).contains("<Gather");
    assertThat(operator().get("/api/fraud/policies/*").json().path("settings").toString())
        .contains("\"rotationNumbers\":2")
        .contains("\"rotationWindowMinutes\":60");
    assertThat(policy("*", Map.of("actions", Map.of("ROTATING_DIALER", "REJECT")), false).status())
        .isEqualTo(400);
  }

  @Test
  void aCallerWhoseZipIsInAnotherStateThanItsAreaCodeIsRoutedButItsPublisherIsNotPaid() {
    policy("*", Map.of("actions", Map.of("GEO_MISMATCH", "ROUTE_NOT_PAYABLE")), false);

    // a California number keying in a Texas zip; a Texas number keying in a Texas zip
    CallTranscript moved = driver().place(texas("+13105557081"));
    CallTranscript local = driver().place(texas("+15125557082"));

    assertThat(ledger(moved)).containsExactly("REVENUE BUYER acme-law 250.00 USD");
    assertThat(column(moved, "payable_to_publisher")).isEqualTo("false");
    assertThat(trace(moved))
        .contains(
            "fraud NOT_PAYABLE caller id +13105557081 is a CA number but the zip 73301 is in TX")
        .anyMatch(t -> t.startsWith("billing NO_PAY Publisher not paid: fraud defence: caller id"));
    assertThat(trace(local)).noneMatch(t -> t.startsWith("fraud "));
    assertThat(ledger(local))
        .containsExactly(
            "REVENUE BUYER acme-law 250.00 USD", "PAYOUT PUBLISHER sunrise-media 200.00 USD");
  }

  @Test
  void aGeoMismatchThatStopsTheCallPlaysTheMessageAtTheRouteNodeAndCannotReject() {
    policy(
        "*",
        Map.of(
            "actions",
            Map.of("GEO_MISMATCH", "MESSAGE_AND_HANG_UP"),
            "message",
            "This line serves local callers only. Goodbye."),
        false);

    CallTranscript moved = driver().place(texas("+13105557091"));

    // the zip's gather is answered with the message and a hang-up; nothing is dialled
    assertThat(moved.twiml().get(0)).contains("<Gather");
    assertThat(moved.twiml())
        .anyMatch(
            t ->
                t.contains("<Say>This line serves local callers only. Goodbye.</Say>")
                    && t.contains("<Hangup/>"))
        .noneMatch(t -> t.contains("<Dial"));
    assertThat(ledger(moved)).isEmpty();
    assertThat(trace(moved))
        .contains("fraud HUNG_UP caller id +13105557091 is a CA number but the zip 73301 is in TX");
    assertThat(policy("*", Map.of("actions", Map.of("GEO_MISMATCH", "REJECT")), false).status())
        .isEqualTo(400);
  }

  private Api.Reply policy(String scope, Map<String, Object> settings, boolean confirm) {
    return operator()
        .put("/api/fraud/policies/" + scope + (confirm ? "?confirm=true" : ""), settings);
  }

  private WebhookExchange incoming(String from, String stirVerstat) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", "CA" + UUID.randomUUID().toString().replace("-", ""));
    p.put("AccountSid", "AC" + "0".repeat(32));
    p.put("From", from);
    p.put("To", PI);
    p.put("Direction", "inbound");
    p.put("CallStatus", "ringing");
    if (stirVerstat != null) {
      p.put("StirVerstat", stirVerstat);
    }
    return driver().post(TwilioDriver.INCOMING_PATH, p);
  }

  private static String sid(WebhookExchange e) {
    return e.params().get("CallSid");
  }

  private String column(CallTranscript call, String column) {
    return jdbc.sql("SELECT " + column + "::text FROM calls WHERE call_sid = ?")
        .param(call.callSid())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private String campaign(CallTranscript call) {
    return column(call, "campaign_id");
  }

  private List<String> ledger(CallTranscript call) {
    return jdbc.sql(
            "SELECT l.kind || ' ' || l.party_type || ' ' || l.party_id || ' ' || l.amount || ' '"
                + " || l.currency FROM ledger_entries l JOIN calls c ON c.id = l.call_id"
                + " WHERE c.call_sid = ? ORDER BY l.id")
        .param(call.callSid())
        .query(String.class)
        .list();
  }

  private List<String> trace(CallTranscript call) {
    return traceOf(call.callSid());
  }

  private List<String> traceOf(String sid) {
    return jdbc.sql(
            "SELECT t.kind || ' ' || t.outcome || ' ' || t.reason FROM routing_trace t"
                + " JOIN calls c ON c.id = t.call_id WHERE c.call_sid = ? ORDER BY t.seq")
        .param(sid)
        .query(String.class)
        .list();
  }

  private List<String> auditActions(String objectType) {
    return jdbc.sql("SELECT action FROM audit_log WHERE object_type = ? ORDER BY id")
        .param(objectType)
        .query(String.class)
        .list();
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
