package org.ringtree.runtime.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.call.LiveCallStore;
import org.ringtree.runtime.live.LiveCalls;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.TwilioDriver;
import org.ringtree.tools.driver.WebhookExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Element;

/**
 * A buyer leg's answered event, as Twilio posts it to the {@code statusCallback} of the dialled
 * {@code <Number>}: signed, it moves the ringing call to CONNECTED with the answer time, keeps the
 * leg's capacity hold for the conversation, and the live view hears it through the call-state
 * NOTIFY. A replay, a late event (after the dial result or the end) and one naming another call
 * move nothing; an unsigned one is refused.
 */
class LegAnsweredTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;
  @Autowired LiveCalls live;

  @Test
  void aSignedAnswerConnectsTheRingingCallAndTheLiveViewShowsIt() throws Exception {
    String sid = "CAleganswered0000000000000000001";
    TwilioDriver driver = driver();
    Element number = dialling(driver, sid);
    assertThat(number.getAttribute("statusCallbackEvent")).isEqualTo("answered");
    assertThat(number.getAttribute("statusCallbackMethod")).isEqualTo("POST");
    String callback = relative(number.getAttribute("statusCallback"));
    assertThat(callback)
        .startsWith(WebhookPaths.LEG + "?call=" + column(sid, "id") + "&step=")
        .endsWith("&step=" + column(sid, "state_version"));
    assertThat(column(sid, "phase")).isEqualTo("RINGING_BUYER");
    Instant heldUntil = holdExpiry(sid);

    BlockingQueue<LiveCalls.Snapshot> seen = new LinkedBlockingQueue<>();
    Consumer<LiveCalls.Snapshot> viewer = seen::add;
    live.watch(viewer);
    try {
      WebhookExchange answered = driver.post(callback, legAnswered(sid, 1));

      assertThat(answered.status()).isEqualTo(204);
      assertThat(column(sid, "phase")).isEqualTo("CONNECTED");
      assertThat(column(sid, "answered_at")).isNotNull();
      assertThat(traceOf(sid)).endsWith("dial ANSWERED");
      // a conversation outlives a ringing leg's hold: the slot must not be swept from under it
      assertThat(holdExpiry(sid))
          .isAfter(heldUntil)
          .isAfter(Instant.now().plus(Duration.ofHours(5)));
      LiveCallStore.LiveCallRow row = awaitLiveRow(seen, sid, "connected");
      assertThat(row.answeredAt()).isNotNull();
      assertThat(row.ringingTargetName()).isNotBlank();
    } finally {
      live.unwatch(viewer);
    }

    // the leg's end: the call moves on as before and is billed by the talk time it reports
    WebhookExchange ended =
        driver.post(
            relative(((Element) number.getParentNode()).getAttribute("action")),
            dialResult(sid, "completed", 95));
    assertThat(ended.status()).isEqualTo(200);
    assertThat(column(sid, "phase")).isNotEqualTo("CONNECTED").isNotEqualTo("RINGING_BUYER");
    assertThat(column(sid, "connected_at")).isNotNull();
  }

  @Test
  void aReplayedLateOrForeignAnswerMovesNothingBack() {
    TwilioDriver driver = driver();
    String sid = "CAleganswered0000000000000000002";
    Element number = dialling(driver, sid);
    String callback = relative(number.getAttribute("statusCallback"));
    String action = relative(((Element) number.getParentNode()).getAttribute("action"));

    assertThat(driver.post(callback, legAnswered(sid, 1)).status()).isEqualTo(204);
    assertThat(driver.post(callback, legAnswered(sid, 1)).status()).isEqualTo(204); // a replay
    assertThat(traceOf(sid).stream().filter(t -> t.equals("dial ANSWERED"))).hasSize(1);

    // the dial result, then the same leg's answer again, later: the call does not go back
    driver.post(action, dialResult(sid, "completed", 40));
    String after = column(sid, "phase");
    assertThat(after).isNotEqualTo("CONNECTED");
    Map<String, String> late = legAnswered(sid, 2);
    assertThat(driver.post(callback, late).status()).isEqualTo(204);
    assertThat(column(sid, "phase")).isEqualTo(after);

    // out of order: a leg not answered moved the call on; its answer arriving now is ignored
    String other = "CAleganswered0000000000000000003";
    Element first = dialling(driver, other);
    String firstCallback = relative(first.getAttribute("statusCallback"));
    WebhookExchange next =
        driver.post(
            relative(((Element) first.getParentNode()).getAttribute("action")),
            dialResult(other, "no-answer", 0));
    String moved = column(other, "phase");
    assertThat(driver.post(firstCallback, legAnswered(other, 1)).status()).isEqualTo(204);
    assertThat(column(other, "phase")).isEqualTo(moved);
    assertThat(traceOf(other)).contains("dial IGNORED").doesNotContain("dial ANSWERED");

    // ended: the status callback came before the answer of the leg ringing then
    assertThat(moved).isEqualTo("RINGING_BUYER"); // the demo network has a second candidate
    Element second = numberIn(next.body());
    driver.post(WebhookPaths.STATUS, with(params(other, "completed"), "CallDuration", "30"));
    assertThat(
            driver
                .post(relative(second.getAttribute("statusCallback")), legAnswered(other, 3))
                .status())
        .isEqualTo(204);
    assertThat(column(other, "phase")).isEqualTo("ENDED");
    assertThat(traceOf(other).stream().filter(t -> t.equals("dial IGNORED"))).hasSize(2);

    // the URL names one call, ParentCallSid another: refused
    Map<String, String> foreign = legAnswered(other, 8);
    assertThat(driver.post(callback, foreign).status()).isEqualTo(400);
  }

  @Test
  void anUnsignedOrMisspelledAnswerIsRefused() {
    TwilioDriver driver = driver();
    String sid = "CAleganswered0000000000000000004";
    Element number = dialling(driver, sid);
    String callback = relative(number.getAttribute("statusCallback"));

    assertThat(driver.postWithSignature(callback, legAnswered(sid, 1), null).status())
        .isEqualTo(403);
    assertThat(driver.postWithSignature(callback, legAnswered(sid, 1), "bm90IGl0").status())
        .isEqualTo(403);
    String spelled = callback.replace("/leg", "/LEG;x=1");
    assertThat(driver.postWithSignature(spelled, legAnswered(sid, 1), null).status())
        .isEqualTo(403);
    assertThat(column(sid, "phase")).isEqualTo("RINGING_BUYER");
  }

  /** Places a call that answers the demo IVR and returns the {@code <Number>} it dials. */
  private Element dialling(TwilioDriver driver, String sid) {
    driver.post(WebhookPaths.INCOMING, params(sid, "ringing"));
    driver.post(gatherPath(sid, 1), with(params(sid, "in-progress"), "Digits", "1"));
    WebhookExchange dial =
        driver.post(gatherPath(sid, 2), with(params(sid, "in-progress"), "Digits", "90210"));
    return numberIn(dial.body());
  }

  /** The dialled {@code <Number>} (or {@code <Sip>}) of a TwiML answer. */
  private static Element numberIn(String twiml) {
    Element dialVerb =
        TwilioDriver.children(TwilioDriver.parse(twiml)).stream()
            .filter(e -> e.getTagName().equals("Dial"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no <Dial> in " + twiml));
    return TwilioDriver.children(dialVerb).get(0);
  }

  /** The leg's answered event as Twilio sends it: the leg's CallSid, the caller's as parent. */
  private static Map<String, String> legAnswered(String parentSid, int sequence) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", "CAleg" + parentSid.substring(5));
    p.put("ParentCallSid", parentSid);
    p.put("AccountSid", "AC" + "0".repeat(32));
    p.put("From", "+18885550101");
    p.put("To", "+15125550100");
    p.put("Called", "+15125550100");
    p.put("Direction", "outbound-dial");
    p.put("CallStatus", "in-progress");
    p.put("CallbackSource", "call-progress-events");
    p.put("SequenceNumber", Integer.toString(sequence));
    p.put("Timestamp", "Sun, 06 Dec 2026 02:10:00 +0000");
    return p;
  }

  private static Map<String, String> dialResult(String sid, String status, int talk) {
    Map<String, String> p = params(sid, "in-progress");
    p.put("DialCallStatus", status);
    p.put("DialCallSid", "CAleg" + sid.substring(5));
    p.put("DialCallDuration", Integer.toString(talk));
    return p;
  }

  private LiveCallStore.LiveCallRow awaitLiveRow(
      BlockingQueue<LiveCalls.Snapshot> seen, String sid, String status)
      throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < until) {
      LiveCalls.Snapshot s = seen.poll(100, TimeUnit.MILLISECONDS);
      if (s == null) {
        continue;
      }
      for (LiveCallStore.LiveCallRow r : s.calls()) {
        if (r.callSid().equals(sid) && status.equals(r.status())) {
          return r;
        }
      }
    }
    throw new AssertionError("the live view never showed " + sid + " as " + status);
  }

  private String gatherPath(String sid, int step) {
    return WebhookPaths.GATHER + "?call=" + column(sid, "id") + "&step=" + step;
  }

  private Instant holdExpiry(String sid) {
    return jdbc.sql(
            "SELECT r.expires_at FROM cap_reservations r JOIN calls c ON c.id = r.call_id"
                + " WHERE c.call_sid = ? AND r.state = 'HELD'")
        .param(sid)
        .query(java.sql.Timestamp.class)
        .single()
        .toInstant();
  }

  private String relative(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  private static Map<String, String> params(String sid, String callStatus) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", sid);
    p.put("AccountSid", "AC" + "0".repeat(32));
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

  private String column(String sid, String column) {
    return jdbc.sql("SELECT " + column + "::text FROM calls WHERE call_sid = ?")
        .param(sid)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private List<String> traceOf(String sid) {
    return jdbc.sql(
            "SELECT t.kind || ' ' || t.outcome FROM routing_trace t JOIN calls c ON c.id ="
                + " t.call_id WHERE c.call_sid = ? ORDER BY t.seq")
        .param(sid)
        .query(String.class)
        .list();
  }
}
