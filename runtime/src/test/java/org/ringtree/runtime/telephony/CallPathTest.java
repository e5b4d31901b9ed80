package org.ringtree.runtime.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallScript.Leg;
import org.ringtree.tools.driver.CallTranscript;
import org.ringtree.tools.driver.TwilioDriver;
import org.ringtree.tools.driver.WebhookExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Calls placed through the real webhooks, signed as Twilio signs them, against the running platform
 * and its demo network (whose RTB bidders answer over real HTTP).
 */
@ExtendWith(OutputCaptureExtension.class)
class CallPathTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;

  private static CallScript caller(String number, String state) {
    // each caller keys in a zip of their own state: a collected zip relocates the caller
    return CallScript.demo().withCaller(number, state, "TX".equals(state) ? "78701" : "90210");
  }

  @Test
  void aQualifiedCallIsRoutedToTheHighestBidderAndBilled() {
    CallTranscript call = driver().place(caller("+13105550001", "CA"));

    assertThat(call.twiml().get(0)).contains("may be recorded").contains("<Gather");
    assertThat(call.twiml().get(2))
        .contains("<Dial")
        .contains("statusCallbackEvent=\"answered\"")
        .contains(">+15125550111</Number>");
    assertThat(column(call, "buyer_id")).isEqualTo("bidder-one");
    assertThat(ledger(call))
        .containsExactly(
            "REVENUE BUYER bidder-one 310.00 USD", "PAYOUT PUBLISHER sunrise-media 200.00 USD");
    assertThat(trace(call))
        .anyMatch(t -> t.startsWith("ping slowpoke-rtb TIMEOUT"))
        .anyMatch(t -> t.startsWith("decision bidder-one-rtb WINNER"));
  }

  @Test
  void theSeedExampleBuyerPays250PublisherEarns200NetworkKeeps50() {
    // Texas: Bidder One does not cover it; Bidder Two is busy, so Acme's fixed $250 takes it
    CallTranscript call = driver().place(caller("+15125550002", "TX").withLegs(List.of(Leg.BUSY)));

    assertThat(ledger(call))
        .containsExactly(
            "REVENUE BUYER acme-law 250.00 USD", "PAYOUT PUBLISHER sunrise-media 200.00 USD");
    BigDecimal margin =
        jdbc.sql("SELECT revenue - payout FROM calls WHERE call_sid = ?")
            .param(call.callSid())
            .query(BigDecimal.class)
            .single();
    assertThat(margin).isEqualByComparingTo("50.00");
  }

  @Test
  void aBuyerWhoDoesNotAnswerFallsThroughToTheNext() {
    CallTranscript call =
        driver().place(caller("+13105550003", "CA").withLegs(List.of(Leg.NO_ANSWER)));

    assertThat(trace(call))
        .containsSubsequence(
            "dial bidder-one-rtb DIALLING",
            "dial bidder-one-rtb NO_ANSWER",
            "dial bidder-two-rtb DIALLING",
            "dial bidder-two-rtb ANSWERED",
            "dial bidder-two-rtb CONNECTED");
    assertThat(column(call, "buyer_id")).isEqualTo("bidder-two");
    assertThat(ledger(call)).first().isEqualTo("REVENUE BUYER bidder-two 275.00 USD");
    assertThat(heldCapacity()).isZero();
  }

  @Test
  void whenEveryBuyerFailsTheCallerReachesVoicemail() {
    CallTranscript call =
        driver()
            .place(
                caller("+13105550004", "CA")
                    .withLegs(List.of(Leg.BUSY, Leg.NO_ANSWER, Leg.FAILED)));

    assertThat(trace(call)).anyMatch(t -> t.startsWith("route - EXHAUSTED"));
    assertThat(String.join("", call.twiml())).contains("<Record").contains("leave your name");
    assertThat(call.heard()).anyMatch(h -> h.contains("call you back shortly"));
    assertThat(column(call, "recording_url")).startsWith("https://api.twilio.com/");
    assertThat(ledger(call)).isEmpty();
    assertThat(heldCapacity()).isZero();
  }

  @Test
  void theRouteNodesCandidatesToTryLimitTheDialsAndTheRoundRobinCounterIsTheFlows() {
    // the demo's ring node says "Candidates to try: 3"
    CallTranscript call =
        driver()
            .place(
                caller("+13105550014", "CA")
                    .withLegs(List.of(Leg.BUSY, Leg.NO_ANSWER, Leg.FAILED, Leg.BUSY, Leg.BUSY)));

    assertThat(trace(call).stream().filter(t -> t.startsWith("dial ") && t.endsWith(" DIALLING")))
        .hasSize(3);
    assertThat(trace(call)).anyMatch(t -> t.startsWith("route - EXHAUSTED"));
    assertThat(heldCapacity()).isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM rotation_counters WHERE scope = ?")
                .param("route:demo-legal-ring-tree:ring")
                .query(Long.class)
                .single())
        .isEqualTo(1L);
  }

  @Test
  void invalidDigitsAreRetriedThenTakeTheInvalidPort() {
    CallTranscript call =
        driver().place(caller("+13105550005", "CA").withAnswers(List.of("9", "8", "7")));

    List<String> gathers = call.twiml().stream().filter(t -> t.contains("press 1")).toList();
    assertThat(gathers).hasSize(3); // the question, then two retries
    assertThat(String.join("", call.twiml())).contains("<Record");
    assertThat(column(call, "buyer_id")).isNull();
  }

  @Test
  void aTamperedSignatureIsRefusedAndWritesNothing() {
    long calls = count("calls");
    long events = count("call_events");
    Map<String, String> params = incomingParams("CAtampered0000000000000000000000001");
    String signature =
        org.ringtree.integrations.twilio.TwilioSignatures.sign(
            AUTH_TOKEN, baseUrl + WebhookPaths.INCOMING, params);
    params.put("From", "+19995550000"); // changed after signing

    WebhookExchange tampered = driver().postWithSignature(WebhookPaths.INCOMING, params, signature);
    WebhookExchange unsigned = driver().postWithSignature(WebhookPaths.INCOMING, params, null);
    WebhookExchange wrongKey =
        new TwilioDriver(baseUrl, "not-the-token").post(WebhookPaths.INCOMING, params);

    assertThat(List.of(tampered.status(), unsigned.status(), wrongKey.status())).containsOnly(403);
    assertThat(count("calls")).isEqualTo(calls);
    assertThat(count("call_events")).isEqualTo(events);
  }

  @Test
  void everyReplayedWebhookGetsTheSameAnswerAndWritesNothingTwice() {
    CallTranscript call = driver().place(caller("+13105550006", "CA"));
    long events = count("call_events");
    long trace = count("routing_trace");
    long ledger = count("ledger_entries");
    long reservations = count("cap_reservations");

    for (WebhookExchange original : call.exchanges()) {
      WebhookExchange replay = driver().post(original.pathAndQuery(), original.params());
      assertThat(replay.status()).isEqualTo(original.status());
      assertThat(replay.body()).isEqualTo(original.body());
    }

    assertThat(count("call_events")).isEqualTo(events);
    assertThat(count("routing_trace")).isEqualTo(trace);
    assertThat(count("ledger_entries")).isEqualTo(ledger);
    assertThat(count("cap_reservations")).isEqualTo(reservations);
  }

  @Test
  void aStatusCallbackBeforeTheDialResultStillBillsOnceWhenTheResultArrives() {
    TwilioDriver driver = driver();
    String sid = "CAoutoforder000000000000000000001";
    Map<String, String> base = incomingParams(sid);
    base.put("FromState", "CA");
    driver.post(WebhookPaths.INCOMING, withStatus(base, "ringing"));
    driver.post(gatherPath(sid, 1), with(base, "Digits", "1"));
    WebhookExchange dial = driver.post(gatherPath(sid, 2), with(base, "Digits", "90210"));
    assertThat(dial.body()).contains("<Dial");

    Map<String, String> completed = withStatus(base, "completed");
    completed.put("CallDuration", "140");
    driver.post(WebhookPaths.STATUS, completed);
    assertThat(ledgerOf(sid)).isEmpty();

    Map<String, String> answered = withStatus(base, "completed");
    answered.put("DialCallStatus", "completed");
    answered.put("DialCallDuration", "100");
    answered.put("DialCallSid", "CAleg00000000000000000000000000001");
    driver.post(dialPath(sid, 3), answered);
    driver.post(dialPath(sid, 3), answered);

    assertThat(ledgerOf(sid)).hasSize(2).first().isEqualTo("REVENUE BUYER bidder-one 310.00 USD");
  }

  @Test
  void anUnknownTrackingNumberHearsTheConfiguredMessageAndIsRecorded() {
    Map<String, String> params = incomingParams("CAunknown0000000000000000000000001");
    params.put("To", "+18009990000");
    WebhookExchange answer = driver().post(WebhookPaths.INCOMING, params);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("not in service").contains("<Hangup/>");
    assertThat(
            jdbc.sql("SELECT phase FROM calls WHERE call_sid = ?")
                .param("CAunknown0000000000000000000000001")
                .query(String.class)
                .single())
        .isEqualTo("UNROUTED");
  }

  @Test
  void malformedCallerWebhooksAnswerTwimlAndMalformedCallbacksGet400WithTheReasonNever500() {
    Map<String, String> noSid = incomingParams("x");
    noSid.remove("CallSid");
    assertApology(WebhookPaths.INCOMING, noSid);

    Map<String, String> huge = incomingParams("CAhuge000000000000000000000000001");
    huge.put("FromCity", "x".repeat(100_000));
    assertApology(WebhookPaths.INCOMING, huge);

    Map<String, String> dial = incomingParams("CAbaddial00000000000000000000001");
    dial.put("DialCallStatus", "vanished");
    assertApology(dialPath("CAbaddial00000000000000000000001", 3), dial);

    Map<String, String> gather = incomingParams("CAbadgather000000000000000000001");
    gather.put("Digits", "<script>");
    assertApology(gatherPath("CAbadgather000000000000000000001", 1), gather);
    assertApology(
        WebhookPaths.GATHER + "?step=abc", incomingParams("CAbadstep0000000000000000000001"));

    // no caller hears these: the provider is told why, when nothing could be stored
    Map<String, String> status = incomingParams("CAbadstatus0000000000000000000001");
    status.put("CallStatus", "exploded");
    assertBadRequest(WebhookPaths.STATUS, status, "unknown CallStatus value: exploded");

    Map<String, String> recording = incomingParams("CAbadrecording00000000000000000001");
    recording.put("RecordingUrl", "https://api.twilio.com/recordings/RE1");
    assertBadRequest(WebhookPaths.RECORDING, recording, "missing required field RecordingSid");
  }

  @Test
  void logLinesOfAWebhookCarryItsCallSid(CapturedOutput output) {
    driver()
        .post(
            gatherPath("CAlogged00000000000000000000000001", 1),
            with(incomingParams("CAlogged00000000000000000000000001"), "Digits", "1"));
    assertThat(output.getOut())
        .containsPattern("WARN \\[CAlogged00000000000000000000000001\\].*no call with CallSid");
  }

  @Test
  void aGatherForACallWeNeverSawStillAnswersValidTwiml() {
    WebhookExchange answer =
        driver()
            .post(
                gatherPath("CAnever000000000000000000000000001", 1),
                with(incomingParams("CAnever000000000000000000000000001"), "Digits", "1"));
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("<Say").contains("<Hangup/>");
  }

  private void assertApology(String path, Map<String, String> params) {
    long events = count("call_events");
    WebhookExchange answer = driver().post(path, params);
    assertThat(answer.status()).as(path).isEqualTo(200);
    assertThat(answer.body()).contains("<Say").contains("<Hangup/>");
    TwilioDriver.parse(answer.body());
    assertThat(count("call_events")).isEqualTo(events);
  }

  private void assertBadRequest(String path, Map<String, String> params, String reason) {
    long events = count("call_events");
    WebhookExchange answer = driver().post(path, params);
    assertThat(answer.status()).as(path + " " + reason).isEqualTo(400);
    assertThat(answer.body()).contains(reason);
    assertThat(count("call_events")).isEqualTo(events);
  }

  private static Map<String, String> incomingParams(String sid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", sid);
    p.put("AccountSid", "AC" + "0".repeat(32));
    p.put("From", "+13105550999");
    p.put("To", "+18885550101");
    p.put("Direction", "inbound");
    p.put("CallStatus", "ringing");
    return p;
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> p = new LinkedHashMap<>(base);
    p.put(key, value);
    return p;
  }

  private static Map<String, String> withStatus(Map<String, String> base, String status) {
    return with(base, "CallStatus", status);
  }

  private String gatherPath(String sid, int step) {
    return WebhookPaths.GATHER + "?call=" + callId(sid) + "&step=" + step;
  }

  private String dialPath(String sid, int step) {
    return WebhookPaths.DIAL + "?call=" + callId(sid) + "&step=" + step;
  }

  private String callId(String sid) {
    return jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
        .param(sid)
        .query(String.class)
        .optional()
        .orElse("00000000-0000-0000-0000-000000000000");
  }

  private String column(CallTranscript call, String column) {
    return jdbc.sql("SELECT " + column + "::text FROM calls WHERE call_sid = ?")
        .param(call.callSid())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private List<String> ledger(CallTranscript call) {
    return ledgerOf(call.callSid());
  }

  private List<String> ledgerOf(String sid) {
    return jdbc.sql(
            "SELECT l.kind || ' ' || l.party_type || ' ' || l.party_id || ' ' || l.amount || ' '"
                + " || l.currency FROM ledger_entries l JOIN calls c ON c.id = l.call_id"
                + " WHERE c.call_sid = ? ORDER BY l.id")
        .param(sid)
        .query(String.class)
        .list();
  }

  private List<String> trace(CallTranscript call) {
    return jdbc
        .sql(
            "SELECT t.kind || ' ' || coalesce(t.target_id, '-') || ' ' || t.outcome || ' ' ||"
                + " t.reason FROM routing_trace t JOIN calls c ON c.id = t.call_id"
                + " WHERE c.call_sid = ? ORDER BY t.seq")
        .param(call.callSid())
        .query(String.class)
        .list()
        .stream()
        .map(s -> String.join(" ", java.util.Arrays.asList(s.split(" ")).subList(0, 3)))
        .toList();
  }

  private long heldCapacity() {
    return jdbc.sql("SELECT count(*) FROM cap_reservations WHERE state = 'HELD'")
        .query(Long.class)
        .single();
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
