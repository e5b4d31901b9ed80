package org.ringtree.runtime.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.call.CallReconciler;
import org.ringtree.runtime.call.CallRecords;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.TwilioDriver;
import org.ringtree.tools.driver.WebhookExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The end of a call is never lost: a status callback is answered once the end is stored, whatever
 * settling does; the reconciler settles what was stored but not settled, and ends calls whose
 * status never came (asking the provider's call record, here a fake). Malformed caller-facing
 * webhooks answer TwiML.
 */
class EndOfCallTest extends RunningPlatformTest {

  /** The provider's call records the reconciler sees: none unless a test puts one. */
  static final Map<String, CallRecords.ProviderCall> PROVIDER = new ConcurrentHashMap<>();

  @TestConfiguration
  static class FakeProvider {
    @Bean
    @Primary
    CallRecords fakeCallRecords() {
      return sid -> Optional.ofNullable(PROVIDER.get(sid));
    }
  }

  @Autowired JdbcClient jdbc;
  @Autowired CallReconciler reconciler;

  @AfterEach
  void removeFault() {
    jdbc.sql("DROP TRIGGER IF EXISTS test_refuse_ledger ON ledger_entries").update();
    PROVIDER.clear();
  }

  @Test
  void aStatusWhoseSettlingFailsIsStillAnsweredAndTheReconcilerBillsItExactlyOnce() {
    String sid = "CAsettlefail00000000000000000001";
    TwilioDriver driver = driver();
    talkedToABuyer(driver, sid, 100);
    refuseLedgerRowsOfCallsLike("CAsettlefail%");

    Map<String, String> completed = params(sid, "completed");
    completed.put("CallDuration", "140");
    WebhookExchange status = driver.post(WebhookPaths.STATUS, completed);

    assertThat(status.status()).isEqualTo(204);
    assertThat(column(sid, "phase")).isEqualTo("ENDED");
    assertThat(column(sid, "provider_status")).isEqualTo("completed");
    assertThat(column(sid, "total_seconds")).isEqualTo("140");
    assertThat(column(sid, "ended_at")).isNotNull();
    assertThat(column(sid, "settled_at")).isNull();
    assertThat(ledgerOf(sid)).isEmpty();
    assertThat(connectedSlotsHeld(sid)).isEqualTo(1);

    // still failing: the reconciler leaves it for the next pass
    reconciler.reconcile(Instant.now());
    assertThat(ledgerOf(sid)).isEmpty();

    jdbc.sql("DROP TRIGGER test_refuse_ledger ON ledger_entries").update();
    CallReconciler.Pass pass = reconciler.reconcile(Instant.now());

    assertThat(pass.settled()).isGreaterThanOrEqualTo(1);
    List<String> ledger = ledgerOf(sid);
    assertThat(ledger)
        .containsExactly(
            "REVENUE BUYER bidder-one 310.00 USD", "PAYOUT PUBLISHER sunrise-media 200.00 USD");
    assertThat(column(sid, "settled_at")).isNotNull();
    assertThat(connectedSlotsHeld(sid)).isZero();

    reconciler.reconcile(Instant.now());
    driver.post(WebhookPaths.STATUS, completed); // a replay
    assertThat(ledgerOf(sid)).isEqualTo(ledger);
  }

  @Test
  void aCallWhoseStatusNeverCameIsEndedByTheReconcilerItsCapacityFreedAndBilledByItsTalkTime() {
    String sid = "CAnostatus0000000000000000000001";
    talkedToABuyer(driver(), sid, 100);
    assertThat(connectedSlotsHeld(sid)).isEqualTo(1);

    reconciler.reconcile(Instant.now()); // too early: the call may still be going
    assertThat(column(sid, "ended_at")).isNull();

    reconciler.reconcile(Instant.now().plus(Duration.ofDays(1)));

    assertThat(column(sid, "phase")).isEqualTo("ENDED_WITHOUT_STATUS");
    assertThat(column(sid, "provider_status")).isNull();
    assertThat(column(sid, "end_reason")).startsWith("no status from provider");
    assertThat(column(sid, "settled_at")).isNotNull();
    assertThat(connectedSlotsHeld(sid)).isZero();
    assertThat(ledgerOf(sid)).first().isEqualTo("REVENUE BUYER bidder-one 310.00 USD");
    assertThat(traceOf(sid)).contains("reconcile NO_STATUS");
  }

  @Test
  void theProvidersCallRecordDecidesWhenItHasOne() {
    String ended = "CAproviderended00000000000000001";
    String live = "CAproviderlive000000000000000001";
    talkedToABuyer(driver(), ended, 100);
    talkedToABuyer(driver(), live, 100);
    PROVIDER.put(ended, new CallRecords.ProviderCall("completed", true, 150));
    PROVIDER.put(live, new CallRecords.ProviderCall("in-progress", false, null));

    reconciler.reconcile(Instant.now().plus(Duration.ofDays(1)));

    assertThat(column(ended, "phase")).isEqualTo("ENDED");
    assertThat(column(ended, "provider_status")).isEqualTo("completed");
    assertThat(column(ended, "total_seconds")).isEqualTo("150");
    assertThat(column(ended, "end_reason")).contains("call record says completed");
    assertThat(ledgerOf(ended)).first().isEqualTo("REVENUE BUYER bidder-one 310.00 USD");
    assertThat(connectedSlotsHeld(ended)).isZero();

    assertThat(column(live, "ended_at")).isNull();
    assertThat(connectedSlotsHeld(live)).isEqualTo(1);
  }

  @Test
  void aCallThatEndedWhileABuyerRangIsSettledWhenTheDialResultNeverComes() {
    String sid = "CAnodialresult000000000000000001";
    TwilioDriver driver = driver();
    dialling(driver, sid);
    driver.post(WebhookPaths.STATUS, params(sid, "completed"));
    assertThat(column(sid, "settled_at")).isNull();

    reconciler.reconcile(Instant.now()); // the dial result may still come
    assertThat(column(sid, "settled_at")).isNull();

    reconciler.reconcile(Instant.now().plus(Duration.ofDays(1)));

    assertThat(column(sid, "settled_at")).isNotNull();
    assertThat(column(sid, "end_reason")).contains("dial result never came");
    assertThat(ledgerOf(sid)).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM cap_reservations r JOIN calls c ON c.id = r.call_id"
                        + " WHERE c.call_sid = ? AND r.state = 'HELD'")
                .param(sid)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void malformedDigitsOnAKnownCallTakeTheFlowsRetryNotA400() {
    String sid = "CAbaddigits000000000000000000001";
    TwilioDriver driver = driver();
    driver.post(WebhookPaths.INCOMING, params(sid, "ringing"));

    WebhookExchange answer =
        driver.post(gatherPath(sid, 1), with(params(sid, "in-progress"), "Digits", "<script>"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("<Gather").doesNotContain("We are sorry");
    TwilioDriver.parse(answer.body());
  }

  @Test
  void aMalformedIncomingWebhookHearsAnApologyAndWritesNothing() {
    long events = count("call_events");
    Map<String, String> noFrom = params("CAnofrom000000000000000000000001", "ringing");
    noFrom.remove("From");

    WebhookExchange answer = driver().post(WebhookPaths.INCOMING, noFrom);

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).contains("We are sorry").contains("<Hangup/>");
    TwilioDriver.parse(answer.body());
    assertThat(count("call_events")).isEqualTo(events);
  }

  @Test
  void aStatusWithAnUnreadableDurationStillStoresTheEnd() {
    String sid = "CAbadduration0000000000000000001";
    TwilioDriver driver = driver();
    driver.post(WebhookPaths.INCOMING, params(sid, "ringing"));
    Map<String, String> completed = params(sid, "completed");
    completed.put("CallDuration", "ten");

    assertThat(driver.post(WebhookPaths.STATUS, completed).status()).isEqualTo(204);
    assertThat(column(sid, "phase")).isEqualTo("ENDED");
    assertThat(column(sid, "provider_status")).isEqualTo("completed");
    assertThat(column(sid, "total_seconds")).isNull();
    assertThat(column(sid, "settled_at")).isNotNull();
  }

  /** Incoming, the two answers, and a buyer who answered and talked; no status callback yet. */
  private void talkedToABuyer(TwilioDriver driver, String sid, int talkSeconds) {
    dialling(driver, sid);
    Map<String, String> answered = params(sid, "in-progress");
    answered.put("DialCallStatus", "completed");
    answered.put("DialCallDuration", String.valueOf(talkSeconds));
    answered.put("DialCallSid", "CAleg" + sid.substring(5));
    assertThat(driver.post(dialPath(sid, 3), answered).status()).isEqualTo(200);
    assertThat(column(sid, "buyer_id")).isEqualTo("bidder-one");
  }

  private void dialling(TwilioDriver driver, String sid) {
    driver.post(WebhookPaths.INCOMING, params(sid, "ringing"));
    driver.post(gatherPath(sid, 1), with(params(sid, "in-progress"), "Digits", "1"));
    WebhookExchange dial =
        driver.post(gatherPath(sid, 2), with(params(sid, "in-progress"), "Digits", "90210"));
    assertThat(dial.body()).contains("<Dial");
  }

  private void refuseLedgerRowsOfCallsLike(String pattern) {
    jdbc.sql(
            "CREATE OR REPLACE FUNCTION test_refuse_ledger() RETURNS trigger LANGUAGE plpgsql AS $$"
                + " BEGIN IF NEW.call_id IN (SELECT id FROM calls WHERE call_sid LIKE '"
                + pattern
                + "') THEN RAISE EXCEPTION 'test fault: ledger refused'; END IF; RETURN NEW; END"
                + " $$")
        .update();
    jdbc.sql(
            "CREATE TRIGGER test_refuse_ledger BEFORE INSERT ON ledger_entries FOR EACH ROW"
                + " EXECUTE FUNCTION test_refuse_ledger()")
        .update();
  }

  private static Map<String, String> params(String sid, String callStatus) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", sid);
    p.put("AccountSid", "AC" + "0".repeat(32));
    // a caller of its own per call: a repeat caller would be a duplicate, not paid
    p.put("From", "+1310555" + String.format("%04d", Math.floorMod(sid.hashCode(), 10_000)));
    p.put("To", "+18885550101");
    p.put("FromState", "CA");
    p.put("Direction", "inbound");
    p.put("CallStatus", callStatus);
    return p;
  }

  private static Map<String, String> with(Map<String, String> base, String key, String value) {
    Map<String, String> p = new LinkedHashMap<>(base);
    p.put(key, value);
    return p;
  }

  private String gatherPath(String sid, int step) {
    return WebhookPaths.GATHER + "?call=" + callId(sid) + "&step=" + step;
  }

  private String dialPath(String sid, int step) {
    return WebhookPaths.DIAL + "?call=" + callId(sid) + "&step=" + step;
  }

  private String callId(String sid) {
    return column(sid, "id");
  }

  private String column(String sid, String column) {
    return jdbc.sql("SELECT " + column + "::text FROM calls WHERE call_sid = ?")
        .param(sid)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private long connectedSlotsHeld(String sid) {
    return jdbc.sql(
            "SELECT count(*) FROM cap_reservations r JOIN calls c ON c.id = r.call_id"
                + " WHERE c.call_sid = ? AND r.state = 'CONNECTED' AND r.ended_at IS NULL")
        .param(sid)
        .query(Long.class)
        .single();
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

  private List<String> traceOf(String sid) {
    return jdbc.sql(
            "SELECT t.kind || ' ' || t.outcome FROM routing_trace t JOIN calls c ON c.id ="
                + " t.call_id WHERE c.call_sid = ? ORDER BY t.seq")
        .param(sid)
        .query(String.class)
        .list();
  }

  private long count(String table) {
    return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
  }
}
