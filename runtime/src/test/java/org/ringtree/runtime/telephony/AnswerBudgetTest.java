package org.ringtree.runtime.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.TwilioDriver;
import org.ringtree.tools.driver.WebhookExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Every caller-facing webhook is answered within its time budget, whatever is slow behind it: the
 * demo's Slowpoke bidder answers after 5 s, and a call row locked by someone else blocks the save.
 * The budget here is half a second (plus one second of grace for the backstop).
 */
@TestPropertySource(
    properties = {"ringtree.webhooks.answer-budget=500ms", "ringtree.webhooks.answer-grace=1s"})
class AnswerBudgetTest extends RunningPlatformTest {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired org.ringtree.runtime.database.DatabaseAvailability database;

  @Test
  void theAuctionClosesWhenTheAnswerBudgetRunsOutAndTheCallerGetsValidTwiml() {
    String sid = "CAbudgetauction00000000000000001";
    TwilioDriver driver = driver();
    driver.post(WebhookPaths.INCOMING, params(sid));
    driver.post(gatherPath(sid, 1), with(params(sid), "Digits", "1"));

    WebhookExchange route = driver.post(gatherPath(sid, 2), with(params(sid), "Digits", "90210"));

    assertThat(route.status()).isEqualTo(200);
    TwilioDriver.parse(route.body()); // valid TwiML: a Dial or the flow's fallback
    assertThat(route.body()).containsAnyOf("<Dial", "<Record", "<Say");
    // the route node allows 2 s for the auction; the budget cut it, Slowpoke (5 s) was not awaited
    assertThat(trace(sid)).contains("route DEADLINE_CUT");
    assertThat(trace(sid)).anyMatch(t -> t.startsWith("ping slowpoke-rtb"));
  }

  @Test
  void aWebhookBlockedBehindALockIsAnsweredBeforeTheLockIsReleased() throws Exception {
    String sid = "CAbudgetlocked00000000000000001";
    TwilioDriver driver = driver();
    driver.post(WebhookPaths.INCOMING, params(sid));
    String callId = callId(sid);

    WebhookExchange answer;
    try (Connection holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (PreparedStatement lock =
          holder.prepareStatement("SELECT id FROM calls WHERE call_sid = ? FOR UPDATE")) {
        lock.setString(1, sid);
        lock.executeQuery().close();
      }
      // the gather's save waits for this lock; the answer must not
      answer = driver.post(gatherPath(sid, 1), with(params(sid), "Digits", "1"));
      holder.rollback();
    }

    assertThat(answer.status()).isEqualTo(200);
    TwilioDriver.parse(answer.body());
    assertThat(answer.body()).contains("<Say").contains("<Hangup/>");
    assertThat(callId).isNotNull();
  }

  @Test
  void aFailedWebhookHandsTheCallerToTheCampaignsFallbackNumber() throws Exception {
    Api operator = Api.signedIn(baseUrl, "operator", "ringtree-operator-demo");
    Api.Reply set =
        operator.put(
            "/api/directory/campaigns/pi-accidents/fallback",
            Map.of(
                "kind", "NUMBER",
                "number", "+15125550199",
                "message", "Connecting you to our intake line."));
    assertThat(set.status()).isEqualTo(200);
    assertThat(operator.get("/api/directory/campaigns/pi-accidents/fallback").body())
        .contains("+15125550199", "\"default\":false");
    Api.Reply bad =
        operator.put(
            "/api/directory/campaigns/pi-accidents/fallback",
            Map.of("kind", "NUMBER", "number", "12"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("E.164");
    try {
      String sid = "CAbudgetfallback000000000000001";
      TwilioDriver driver = driver();
      driver.post(WebhookPaths.INCOMING, params(sid));

      WebhookExchange answer;
      try (Connection holder = dataSource.getConnection()) {
        holder.setAutoCommit(false);
        try (PreparedStatement lock =
            holder.prepareStatement("SELECT id FROM calls WHERE call_sid = ? FOR UPDATE")) {
          lock.setString(1, sid);
          lock.executeQuery().close();
        }
        answer = driver.post(gatherPath(sid, 1), with(params(sid), "Digits", "1"));
        holder.rollback();
      }

      assertThat(answer.status()).isEqualTo(200);
      TwilioDriver.parse(answer.body());
      assertThat(answer.body())
          .contains("Connecting you to our intake line.", "<Dial", "+15125550199")
          .contains(WebhookPaths.FALLBACK_DONE);
      // the fallback's dial ends on a signed hang-up
      assertThat(driver.post(WebhookPaths.FALLBACK_DONE, params(sid)).body()).contains("<Hangup/>");
    } finally {
      operator.put(
          "/api/directory/campaigns/pi-accidents/fallback",
          Map.of(
              "kind",
              "MESSAGE",
              "message",
              "We are sorry, we could not complete your call right now. Please call again"
                  + " shortly."));
    }
  }

  @Test
  void withTheDatabaseKnownDownTheFallbackAnswersAtOnceAndNothingIsWritten() {
    String sid = "CAdatabasedown0000000000000001";
    long calls = jdbc.sql("SELECT count(*) FROM calls").query(Long.class).single();
    database.failed(
        new org.springframework.jdbc.CannotGetJdbcConnectionException("test: database down"));
    try {
      assertThat(database.knownDown()).isTrue();

      WebhookExchange answer = driver().post(WebhookPaths.INCOMING, params(sid));

      assertThat(answer.status()).isEqualTo(200);
      TwilioDriver.parse(answer.body());
      assertThat(answer.body()).contains("<Say").contains("<Hangup/>");
      assertThat(jdbc.sql("SELECT count(*) FROM calls").query(Long.class).single())
          .isEqualTo(calls);
    } finally {
      // the database answers: the next probe clears the mark
      database.probe();
    }
    assertThat(database.knownDown()).isFalse();
    assertThat(driver().post(WebhookPaths.INCOMING, params(sid)).body()).contains("<Gather");
  }

  private static Map<String, String> params(String sid) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("CallSid", sid);
    p.put("AccountSid", "AC" + "0".repeat(32));
    p.put("From", "+1310555" + String.format("%04d", Math.floorMod(sid.hashCode(), 10_000)));
    p.put("To", "+18885550101");
    p.put("FromState", "CA");
    p.put("Direction", "inbound");
    p.put("CallStatus", "in-progress");
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

  private String callId(String sid) {
    return jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
        .param(sid)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private List<String> trace(String sid) {
    return jdbc.sql(
            "SELECT t.kind || ' ' || coalesce(t.target_id, t.outcome) FROM routing_trace t"
                + " JOIN calls c ON c.id = t.call_id WHERE c.call_sid = ? ORDER BY t.seq")
        .param(sid)
        .query(String.class)
        .list();
  }
}
