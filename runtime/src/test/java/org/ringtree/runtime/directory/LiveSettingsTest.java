package org.ringtree.runtime.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.RunningPlatformTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallTranscript;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pausing and capping act on the next call without publishing a flow: on the running platform with
 * the demo network, a target paused over REST is skipped with the reason in the trace, a buyer's
 * lowered daily cap is honoured, and resuming routes to them again — while the campaign's live flow
 * version stays the same throughout.
 */
class LiveSettingsTest extends RunningPlatformTest {

  private static final String OPERATOR = "operator:ringtree-operator-demo";

  @Autowired JdbcClient jdbc;

  @Test
  void aTargetPausedOverRestIsSkippedOnTheNextCallAndRoutedAgainWhenResumed() throws Exception {
    long live = liveVersion();

    assertThat(put("/api/directory/targets/bidder-one-rtb/active", "{\"active\": false}"))
        .isEqualTo(200);
    CallTranscript paused = driver().place(caller("+13105550701"));
    assertThat(trace(paused))
        .contains("decision bidder-one-rtb SKIPPED Bidder One ping-post skipped: target is paused");
    assertThat(buyerOf(paused)).isNotEqualTo("bidder-one");

    assertThat(put("/api/directory/targets/bidder-one-rtb/active", "{\"active\": true}"))
        .isEqualTo(200);
    CallTranscript resumed = driver().place(caller("+13105550702"));
    assertThat(buyerOf(resumed)).isEqualTo("bidder-one");

    assertThat(liveVersion()).as("no flow was published").isEqualTo(live);
    assertThat(audited("directory.target.pause")).isEqualTo(1);
    assertThat(audited("directory.target.resume")).isEqualTo(1);
  }

  @Test
  void aLoweredBuyerCapIsHonouredOnTheNextCallAndAPausedBuyerSkipsAllItsTargets() throws Exception {
    long live = liveVersion();
    driver().place(caller("+13105550711")); // at least one connection for Bidder One today

    assertThat(put("/api/directory/buyers/bidder-one", buyer(1))).isEqualTo(200);
    CallTranscript capped = driver().place(caller("+13105550712"));
    assertThat(trace(capped))
        .anyMatch(t -> t.startsWith("decision bidder-one-rtb SKIPPED") && t.contains("daily"));
    assertThat(buyerOf(capped)).isNotEqualTo("bidder-one");

    assertThat(put("/api/directory/buyers/bidder-one", buyer(200))).isEqualTo(200);
    assertThat(buyerOf(driver().place(caller("+13105550713")))).isEqualTo("bidder-one");

    assertThat(put("/api/directory/buyers/bidder-one/active", "{\"active\": false}"))
        .isEqualTo(200);
    CallTranscript buyerPaused = driver().place(caller("+13105550714"));
    assertThat(trace(buyerPaused))
        .contains(
            "decision bidder-one-rtb SKIPPED Bidder One ping-post skipped: buyer Bidder One Legal Leads"
                + " is paused");
    assertThat(buyerOf(buyerPaused)).isNotEqualTo("bidder-one");
    assertThat(put("/api/directory/buyers/bidder-one/active", "{\"active\": true}")).isEqualTo(200);
    assertThat(buyerOf(driver().place(caller("+13105550715")))).isEqualTo("bidder-one");

    assertThat(liveVersion()).as("no flow was published").isEqualTo(live);
  }

  @Test
  void pausingNeedsAnExplicitTrueOrFalseAKnownTargetAndAnOperatorOrAdmin() throws Exception {
    long pausesBefore = audited("directory.target.pause") + audited("directory.buyer.pause");
    assertThat(put("/api/directory/targets/bidder-one-rtb/active", "{\"active\": \"no\"}"))
        .isEqualTo(400);
    assertThat(put("/api/directory/targets/nobody/active", "{\"active\": false}")).isEqualTo(404);
    // compliance reads the live values but does not pause; a buyer's own login cannot either
    assertThat(
            put(
                "compliance:ringtree-compliance-demo",
                "/api/directory/targets/bidder-one-rtb/active",
                "{\"active\": false}"))
        .isEqualTo(403);
    assertThat(
            put(
                "buyer:ringtree-buyer-demo",
                "/api/directory/buyers/bidder-one/active",
                "{\"active\": false}"))
        .isEqualTo(403);
    assertThat(audited("directory.target.pause") + audited("directory.buyer.pause"))
        .as("nothing refused was changed")
        .isEqualTo(pausesBefore);
    assertThat(get("/api/directory/live-settings"))
        .contains("\"field\":\"caps\",\"scope\":\"LIVE\"")
        .contains("\"field\":\"fixedPrice\",\"scope\":\"VERSIONED\"");
  }

  private static CallScript caller(String number) {
    return CallScript.demo().withCaller(number, "CA", "90210");
  }

  private static String buyer(int daily) {
    return "{\"id\": \"bidder-one\", \"name\": \"Bidder One Legal Leads\","
        + " \"caps\": {\"countOn\": \"CONNECTIONS\", \"daily\": "
        + daily
        + "}}";
  }

  private long liveVersion() {
    return jdbc.sql("SELECT live_version_id FROM flows WHERE id = 'demo-legal-ring-tree'")
        .query(Long.class)
        .single();
  }

  private long audited(String action) {
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ?")
        .param(action)
        .query(Long.class)
        .single();
  }

  private String buyerOf(CallTranscript call) {
    return jdbc.sql("SELECT buyer_id FROM calls WHERE call_sid = ?")
        .param(call.callSid())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private List<String> trace(CallTranscript call) {
    return jdbc.sql(
            "SELECT t.kind || ' ' || coalesce(t.target_id, '-') || ' ' || t.outcome || ' ' ||"
                + " t.reason FROM routing_trace t JOIN calls c ON c.id = t.call_id"
                + " WHERE c.call_sid = ? ORDER BY t.seq")
        .param(call.callSid())
        .query(String.class)
        .list();
  }

  private int put(String path, String json) throws Exception {
    return put(OPERATOR, path, json);
  }

  private int put(String user, String path, String json) throws Exception {
    return send(
            user,
            HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)))
        .statusCode();
  }

  private String get(String path) throws Exception {
    return send(OPERATOR, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()).body();
  }

  private HttpResponse<String> send(String user, HttpRequest.Builder request) throws Exception {
    String basic = Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            request.header("Authorization", "Basic " + basic).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
