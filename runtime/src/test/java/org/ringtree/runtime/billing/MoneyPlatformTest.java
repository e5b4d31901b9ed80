package org.ringtree.runtime.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.support.PostgresTest;
import org.ringtree.tools.driver.CallScript;
import org.ringtree.tools.driver.CallScript.Leg;
import org.ringtree.tools.driver.CallTranscript;
import org.ringtree.tools.driver.TwilioDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Money end to end on the running platform: calls placed through signed webhooks, then the REST API
 * for overrides, reports, conversions, publisher postbacks, disputes and adjustments. Each test
 * uses its own tracking number and callers, so the tests do not see each other's calls.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
// closed after the class: the test JVM runs many contexts, each holding database connections
@DirtiesContext
class MoneyPlatformTest extends PostgresTest {

  // its own port: the platform tests of other packages share theirs through a cached context
  static final String AUTH_TOKEN = "money-test-token-" + Long.toHexString(System.nanoTime());
  static final int PORT = freePort();
  static final String BASE_URL = "http://127.0.0.1:" + PORT;

  @DynamicPropertySource
  static void platform(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("ringtree.public-base-url", () -> BASE_URL);
    registry.add("ringtree.twilio.auth-token", () -> AUTH_TOKEN);
    registry.add("ringtree.postbacks.max-attempts", () -> 2);
    registry.add("ringtree.postbacks.initial-delay", () -> "50ms");
    registry.add("ringtree.postbacks.timeout", () -> "2s");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> 6);
  }

  static TwilioDriver driver() {
    return new TwilioDriver(BASE_URL, AUTH_TOKEN);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpServer publisher;
  static final List<String> received = new CopyOnWriteArrayList<>();
  static final AtomicInteger failuresLeft = new AtomicInteger();

  @Autowired JdbcClient jdbc;
  @Autowired ObjectMapper json;
  @Autowired org.ringtree.runtime.directory.DirectoryStore directory;
  @Autowired org.ringtree.runtime.postback.PostbackSweeper sweeper;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void publisherServer() throws IOException {
    publisher = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    publisher.createContext(
        "/pb",
        ex -> {
          received.add(ex.getRequestURI().toString());
          int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
          ex.sendResponseHeaders(status, -1);
          ex.close();
        });
    publisher.start();
  }

  @AfterAll
  static void stop() {
    publisher.stop(0);
  }

  static String publisherUrl() {
    return "http://127.0.0.1:" + publisher.getAddress().getPort() + "/pb";
  }

  /** Texas caller; Bidder Two (the only RTB bidder for TX) is busy, so Acme's $250 takes it. */
  private static CallScript texasCall(String trackingNumber, String caller) {
    return CallScript.demo()
        .withTrackingNumber(trackingNumber)
        .withCaller(caller, "TX", "73301")
        .withLegs(List.of(Leg.BUSY));
  }

  @Test
  void seedCallBillsBuyer250PaysPublisher200AndEveryCentNamesAStoredDmnRow() throws Exception {
    ReportRow before = reportTotal("publisher=sunrise-media&number=%2B18885550101");
    CallTranscript call = driver().place(texasCall("+18885550101", "+15125551001"));

    List<Map<String, Object>> rows = ledger(call);
    assertThat(rows)
        .extracting(r -> r.get("kind") + " " + r.get("party_id") + " " + r.get("amount"))
        .containsExactly("REVENUE acme-law 250.00", "PAYOUT sunrise-media 200.00");
    String payoutRef = (String) rows.get(1).get("rule_ref");
    assertThat(payoutRef).matches("bt-[0-9a-f]{16}#publisher-5");
    HttpResponse<String> dmn =
        get("/api/billing/tables/" + payoutRef.substring(0, payoutRef.indexOf('#')));
    assertThat(dmn.statusCode()).isEqualTo(200);
    assertThat(dmn.body()).contains("rule id=\"publisher-5\"").contains("Fixed payout $200.00.");

    ReportRow after = reportTotal("publisher=sunrise-media&number=%2B18885550101");
    assertThat(after.calls() - before.calls()).isEqualTo(1);
    assertThat(after.revenue().subtract(before.revenue())).isEqualByComparingTo("250.00");
    assertThat(after.payout().subtract(before.payout())).isEqualByComparingTo("200.00");
    assertThat(after.margin().subtract(before.margin())).isEqualByComparingTo("50.00");

    HttpResponse<String> csv = get("/api/reports/csv?by=tracking_number&period=total");
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(csv.body()).startsWith(ReportCsv.HEADER).contains("'+18885550101,,USD,");
  }

  @Test
  void publisherOverrideWithRevenueShareAndRegionBonusDecidesItsCalls() throws Exception {
    HttpResponse<String> saved =
        send(
            "PUT",
            "/api/billing/overrides/publisher/callnow-seo?campaign=pi-accidents",
            Map.of(
                "mode", "REVENUE_SHARE",
                "sharePercent", 50,
                "shareMin", 40,
                "shareMax", 150,
                "regionBonus", Map.of("states", List.of("TX", "FL"), "amount", 10)));
    assertThat(saved.statusCode()).isEqualTo(200);
    JsonNode effective =
        json.readTree(
            get("/api/billing/effective?campaign=pi-accidents&buyer=acme-law&publisher=callnow-seo")
                .body());
    assertThat(effective.path("policy").path("mode").asText()).isEqualTo("REVENUE_SHARE");
    assertThat(effective.path("policy").path("buyerMinSeconds").asInt()).isEqualTo(90);
    // without approval the change is still a recorded table version, live at once, by its author
    JsonNode version = effective.path("version");
    assertThat(version.path("state").asText()).isEqualTo("LIVE");
    assertThat(version.path("cause").asText()).isEqualTo("OVERRIDE");
    assertThat(version.path("publisherKey").asText()).isEqualTo("callnow-seo");
    assertThat(version.path("requestedBy").asText()).isEqualTo("operator");
    assertThat(version.path("decidedBy").asText()).isEqualTo("operator");
    assertThat(version.path("tableRef").asText()).isEqualTo(effective.path("ref").asText());

    CallTranscript call = driver().place(texasCall("+18885550105", "+15125551002"));
    assertThat(ledger(call))
        .extracting(r -> r.get("kind") + " " + r.get("party_id") + " " + r.get("amount"))
        .containsExactly(
            "REVENUE acme-law 250.00", "PAYOUT callnow-seo 125.00", "PAYOUT callnow-seo 10.00");
    assertThat(ledger(call).get(2).get("rule_ref").toString()).endsWith("#bonus-1");
    assertThat(table(ledger(call).get(1))).isEqualTo(effective.path("ref").asText());

    HttpResponse<String> bad =
        send(
            "PUT",
            "/api/billing/overrides/publisher/callnow-seo",
            Map.of(
                "tierTag",
                "quality",
                "tagTiers",
                List.of(Map.of("value", "x\" or true", "minSeconds", 0, "amount", 1))));
    assertThat(bad.statusCode()).isBetween(400, 422);
    assertThat(audit("billing_policy_override")).contains("billing-policy.save by operator");
  }

  @Test
  void conversionPostbackNeedsTheBuyersKeySetsRevenueOnceAndFiresThePublisherPostback()
      throws Exception {
    send(
        "PUT",
        "/api/postbacks/publishers/blue-billboard",
        Map.of(
            "urlTemplate",
            publisherUrl() + "?cid={call_id}&amount={payout}&ev={event}&st={caller_state}"));
    String key =
        json.readTree(send("POST", "/api/postbacks/buyers/acme-law/key", Map.of()).body())
            .path("key")
            .asText();
    CallTranscript call = driver().place(texasCall("+18885550103", "+15125551003"));
    String callId = callId(call);
    int rowsBefore = ledger(call).size();

    assertThat(
            anonymousGet(
                    "/api/postbacks/conversions/acme-law?call_id="
                        + callId
                        + "&key=wrong&revenue=300")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            anonymousGet(
                    "/api/postbacks/conversions/acme-law?call_id="
                        + UUID.randomUUID()
                        + "&key="
                        + key)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            anonymousGet("/api/postbacks/conversions/bidder-two?call_id=" + callId + "&key=" + key)
                .statusCode())
        .isEqualTo(403);
    assertThat(ledger(call)).hasSize(rowsBefore);
    assertThat(column(callId, "converted")).isEqualTo(false);

    // the campaign lets postbacks set revenue between 100 and 500 within a day of the call
    assertThat(
            send(
                    "PUT",
                    "/api/postbacks/revenue-policies/pi-accidents",
                    Map.of("minRevenue", 100, "maxRevenue", 500, "windowHours", 24))
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> ok =
        anonymousGet(
            "/api/postbacks/conversions/acme-law?call_id="
                + callId
                + "&key="
                + key
                + "&revenue=300");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(json.readTree(ok.body()).path("revenueChange").decimalValue())
        .isEqualByComparingTo("50");
    HttpResponse<String> replay =
        anonymousGet(
            "/api/postbacks/conversions/acme-law?call_id="
                + callId
                + "&key="
                + key
                + "&revenue=300");
    assertThat(json.readTree(replay.body()).path("firstConversion").asBoolean()).isFalse();
    assertThat(ledger(call)).hasSize(rowsBefore + 1);
    Map<String, Object> adjustment = ledger(call).get(rowsBefore);
    assertThat(adjustment.get("kind")).isEqualTo("ADJUSTMENT");
    assertThat(adjustment.get("amount").toString()).isEqualTo("50.00");
    assertThat(adjustment.get("corrects_id")).isEqualTo(ledger(call).get(0).get("id"));
    assertThat(column(callId, "converted")).isEqualTo(true);
    assertThat(revenueOf(callId)).isEqualByComparingTo("300.00");
    HttpResponse<String> lower =
        get("/api/postbacks/conversions/acme-law?call_id=" + call.callSid() + "&revenue=275", key);
    assertThat(lower.statusCode()).isEqualTo(200);
    assertThat(ledger(call)).hasSize(rowsBefore + 2);
    assertThat(ledger(call).get(rowsBefore + 1).get("amount").toString()).isEqualTo("-25.00");
    assertThat(revenueOf(callId)).isEqualByComparingTo("275.00");
    assertThat(audit("call")).contains("call.convert by buyer:acme-law");
    assertThat(send("DELETE", "/api/postbacks/revenue-policies/pi-accidents", null).statusCode())
        .isEqualTo(204);

    String pb = awaitPostback(callId, "conversion", "DELIVERED");
    assertThat(received)
        .anyMatch(
            u ->
                u.contains("cid=" + callId)
                    && u.contains("amount=200.00")
                    && u.contains("ev=conversion")
                    && u.contains("st=TX"));
    JsonNode attempts = json.readTree(get("/api/postbacks/" + pb + "/attempts").body());
    assertThat(attempts).hasSize(1);
    assertThat(attempts.get(0).path("httpStatus").asInt()).isEqualTo(200);
  }

  @Test
  void failedPostbacksBecomeDeadLettersThatOperatorsRetry() throws Exception {
    send(
        "PUT",
        "/api/postbacks/publishers/callnow-seo",
        Map.of("urlTemplate", publisherUrl() + "?cid={call_id}&ev={event}", "onEveryCall", true));
    failuresLeft.set(2);
    CallTranscript call = driver().place(texasCall("+18885550105", "+15125551004"));
    String callId = callId(call);
    String pb = awaitPostback(callId, "call", "DEAD");
    assertThat(json.readTree(get("/api/postbacks/dead-letters").body()))
        .anyMatch(n -> n.path("id").asText().equals(pb));

    HttpResponse<String> retried = send("POST", "/api/postbacks/" + pb + "/retry", Map.of());
    assertThat(retried.statusCode()).isEqualTo(200);
    awaitPostback(callId, "call", "DELIVERED");
    JsonNode attempts = json.readTree(get("/api/postbacks/" + pb + "/attempts").body());
    assertThat(attempts)
        .extracting(a -> a.path("httpStatus").asInt())
        .containsExactly(500, 500, 200);
    assertThat(send("POST", "/api/postbacks/" + pb + "/retry", Map.of()).statusCode())
        .isEqualTo(409);
    assertThat(audit("postback")).contains("postback.retry by operator");
  }

  @Test
  void approvedDisputeCreditsTheBuyerAndClawsBackThePublisherRejectedChangesNothing()
      throws Exception {
    CallTranscript call = driver().place(texasCall("+18885550102", "+15125551005"));
    String callId = callId(call);
    assertThat(
            send(
                    "POST",
                    "/api/disputes",
                    Map.of("callId", callId, "buyerId", "bidder-one", "reason", "x"))
                .statusCode())
        .isEqualTo(404);
    HttpResponse<String> opened =
        send(
            "POST",
            "/api/disputes",
            Map.of("callId", callId, "buyerId", "acme-law", "reason", "caller was a robot"));
    assertThat(opened.statusCode()).isEqualTo(201);
    long id = json.readTree(opened.body()).path("id").asLong();
    assertThat(
            send(
                    "POST",
                    "/api/disputes",
                    Map.of("callId", callId, "buyerId", "acme-law", "reason", "again"))
                .statusCode())
        .isEqualTo(409);

    HttpResponse<String> approved =
        send("POST", "/api/disputes/" + id + "/approve", Map.of("note", "recording confirms"));
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(ledger(call))
        .extracting(r -> r.get("kind") + " " + r.get("party_id") + " " + r.get("amount"))
        .containsExactly(
            "REVENUE acme-law 250.00",
            "PAYOUT sunrise-media 200.00",
            "ADJUSTMENT acme-law -250.00",
            "ADJUSTMENT sunrise-media -200.00");
    assertThat(ledger(call).get(2).get("corrects_id")).isEqualTo(ledger(call).get(0).get("id"));
    assertThat(ledger(call).get(3).get("corrects_id")).isEqualTo(ledger(call).get(1).get("id"));
    assertThat(column(callId, "billable_to_buyer")).isEqualTo(false);
    assertThat(send("POST", "/api/disputes/" + id + "/approve", Map.of()).statusCode())
        .isEqualTo(409);
    assertThat(audit("dispute"))
        .contains("dispute.open by operator", "dispute.approve by operator");

    CallTranscript other = driver().place(texasCall("+18885550102", "+15125551006"));
    long second =
        json.readTree(
                send(
                        "POST",
                        "/api/disputes",
                        Map.of("callId", callId(other), "buyerId", "acme-law", "reason", "short"))
                    .body())
            .path("id")
            .asLong();
    assertThat(
            send("POST", "/api/disputes/" + second + "/reject", Map.of("note", "talked 95 s"))
                .statusCode())
        .isEqualTo(200);
    assertThat(ledger(other)).hasSize(2);

    UUID old = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO calls (id, call_sid, tracking_number, campaign_id, publisher_id,"
                + " caller_number, phase, provider_status, started_at, buyer_id) VALUES (?, ?,"
                + " '+18885550102', 'pi-accidents', 'sunrise-media', '+15125551007', 'ENDED',"
                + " 'completed',"
                + " now() - interval '31 days', 'acme-law')")
        .params(old, "CA-old-" + old)
        .update();
    HttpResponse<String> late =
        send(
            "POST",
            "/api/disputes",
            Map.of("callId", old.toString(), "buyerId", "acme-law", "reason", "late"));
    assertThat(late.statusCode()).isEqualTo(422);
    assertThat(late.body()).contains("30 days");
  }

  @Test
  void bulkAdjustmentShowsBeforeAndAfterThenAppliesOnlyWhatWasPreviewed() throws Exception {
    Instant from = Instant.now().minusSeconds(1);
    CallTranscript a = driver().place(texasCall("+18885550101", "+15125551008"));
    CallTranscript b = driver().place(texasCall("+18885550101", "+15125551009"));
    Map<String, Object> request =
        Map.of(
            "filter",
            Map.of(
                "from", from.toString(),
                "to", Instant.now().plusSeconds(3600).toString(),
                "trackingNumber", "+18885550101"),
            "action",
            Map.of(
                "party", "PUBLISHER", "mode", "SET", "amount", 180, "reason", "rate cut agreed"));
    JsonNode preview = json.readTree(send("POST", "/api/adjustments/preview", request).body());
    assertThat(preview.path("calls").asInt()).isEqualTo(2);
    assertThat(preview.path("payoutBefore").decimalValue()).isEqualByComparingTo("400.00");
    assertThat(preview.path("payoutAfter").decimalValue()).isEqualByComparingTo("360.00");
    assertThat(preview.path("marginAfter").decimalValue()).isEqualByComparingTo("140.00");
    assertThat(ledger(a)).hasSize(2);

    Map<String, Object> apply = new java.util.HashMap<>(request);
    apply.put("previewToken", preview.path("previewToken").asText());
    HttpResponse<String> applied = send("POST", "/api/adjustments/apply", apply);
    assertThat(applied.statusCode()).isEqualTo(200);
    assertThat(ledger(a).get(2).get("amount").toString()).isEqualTo("-20.00");
    assertThat(ledger(b).get(2).get("amount").toString()).isEqualTo("-20.00");
    assertThat(send("POST", "/api/adjustments/apply", apply).statusCode()).isEqualTo(409);
    assertThat(audit("adjustment_batch")).contains("adjustment.apply by operator");
  }

  @Test
  void aBuyerNeverSetsItsOwnRevenueAloneOutsideWhatTheCampaignAllows() throws Exception {
    String key =
        json.readTree(send("POST", "/api/postbacks/buyers/acme-law/key", Map.of()).body())
            .path("key")
            .asText();
    CallTranscript call = driver().place(texasCall("+18885550105", "+15125551030"));
    String callId = callId(call);
    int rows = ledger(call).size();

    // no policy on the campaign: revenue 0 is asked for, and becomes a dispute, not a change
    HttpResponse<String> zero =
        anonymousGet(
            "/api/postbacks/conversions/acme-law?call_id=" + callId + "&key=" + key + "&revenue=0");
    assertThat(zero.statusCode()).isEqualTo(200);
    JsonNode asked = json.readTree(zero.body());
    assertThat(asked.path("revenueChange").decimalValue()).isEqualByComparingTo("0");
    assertThat(asked.path("revenueNote").asText())
        .contains("does not let postbacks set revenue", "awaits review as dispute");
    assertThat(ledger(call)).hasSize(rows);
    assertThat(column(callId, "converted")).isEqualTo(true);
    long dispute = asked.path("revenueDisputeId").asLong();
    JsonNode opened = json.readTree(send("GET", "/api/disputes/" + dispute, null).body());
    assertThat(opened.path("requestedRevenue").decimalValue()).isEqualByComparingTo("0");
    assertThat(opened.path("openedBy").asText()).isEqualTo("buyer:acme-law");
    // a replay finds the same dispute
    assertThat(
            json.readTree(
                    anonymousGet(
                            "/api/postbacks/conversions/acme-law?call_id="
                                + callId
                                + "&key="
                                + key
                                + "&revenue=0")
                        .body())
                .path("revenueDisputeId")
                .asLong())
        .isEqualTo(dispute);

    // staff approve it: the buyer's total becomes the amount asked, the publisher keeps its payout
    HttpResponse<String> approved = send("POST", "/api/disputes/" + dispute + "/approve", Map.of());
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(revenueOf(callId)).isEqualByComparingTo("0.00");
    assertThat(ledger(call)).hasSize(rows + 1);
    assertThat(ledger(call).get(rows).get("rule_ref")).isEqualTo("dispute-" + dispute);

    // with a policy, a revenue outside its bounds is a dispute too
    send(
        "PUT",
        "/api/postbacks/revenue-policies/pi-accidents",
        Map.of("minRevenue", 100, "maxRevenue", 300, "windowHours", 24));
    try {
      CallTranscript other = driver().place(texasCall("+18885550105", "+15125551031"));
      JsonNode tooHigh =
          json.readTree(
              anonymousGet(
                      "/api/postbacks/conversions/acme-law?call_id="
                          + callId(other)
                          + "&key="
                          + key
                          + "&revenue=5000")
                  .body());
      assertThat(tooHigh.path("revenueNote").asText()).contains("outside the campaign's bounds");
      assertThat(revenueOf(callId(other))).isEqualByComparingTo("250.00");
      JsonNode within =
          json.readTree(
              anonymousGet(
                      "/api/postbacks/conversions/acme-law?call_id="
                          + callId(other)
                          + "&key="
                          + key
                          + "&revenue=280")
                  .body());
      // within the bounds and the window, the postback sets the revenue itself
      assertThat(within.path("revenueChange").decimalValue()).isEqualByComparingTo("30");
      assertThat(revenueOf(callId(other))).isEqualByComparingTo("280.00");
    } finally {
      send("DELETE", "/api/postbacks/revenue-policies/pi-accidents", null);
    }
  }

  @Test
  void withApprovalRequiredNobodyChangesMoneyAlone() throws Exception {
    assertThat(
            send(ADMIN, "PUT", "/api/compliance/settings", Map.of("requireApproval", true))
                .statusCode())
        .isEqualTo(200);
    try {
      // a dispute: opened by the operator, approved by someone else
      CallTranscript call = driver().place(texasCall("+18885550103", "+15125551020"));
      long dispute =
          json.readTree(
                  send(
                          "POST",
                          "/api/disputes",
                          Map.of("callId", callId(call), "buyerId", "acme-law", "reason", "robot"))
                      .body())
              .path("id")
              .asLong();
      HttpResponse<String> alone = send("POST", "/api/disputes/" + dispute + "/approve", Map.of());
      assertThat(alone.statusCode()).isEqualTo(403);
      assertThat(alone.body()).contains("someone other than who opened it");
      assertThat(ledger(call)).hasSize(2);
      assertThat(
              send(ADMIN, "POST", "/api/disputes/" + dispute + "/approve", Map.of()).statusCode())
          .isEqualTo(200);
      assertThat(ledger(call)).hasSize(4);

      // a bulk adjustment: asked for by one person, applied by another, exactly as previewed
      Instant from = Instant.now().minusSeconds(1);
      CallTranscript a = driver().place(texasCall("+18885550103", "+15125551021"));
      Map<String, Object> request =
          Map.of(
              "filter",
              Map.of(
                  "from", from.toString(),
                  "to", Instant.now().plusSeconds(3600).toString(),
                  "trackingNumber", "+18885550103"),
              "action",
              Map.of("party", "BUYER", "mode", "ADD", "amount", -10, "reason", "late answer"));
      String token =
          json.readTree(send("POST", "/api/adjustments/preview", request).body())
              .path("previewToken")
              .asText();
      Map<String, Object> ask = new java.util.HashMap<>(request);
      ask.put("previewToken", token);

      HttpResponse<String> applyAlone = send("POST", "/api/adjustments/apply", ask);
      assertThat(applyAlone.statusCode()).isEqualTo(403);
      assertThat(applyAlone.body()).contains("/api/adjustments/requests");
      HttpResponse<String> asked = send("POST", "/api/adjustments/requests", ask);
      assertThat(asked.statusCode()).isEqualTo(201);
      long id = json.readTree(asked.body()).path("id").asLong();
      assertThat(json.readTree(asked.body()).path("state").asText()).isEqualTo("PENDING");
      assertThat(ledger(a)).hasSize(2);

      HttpResponse<String> ownApproval =
          send("POST", "/api/adjustments/requests/" + id + "/apply", Map.of());
      assertThat(ownApproval.statusCode()).isEqualTo(403);
      assertThat(ownApproval.body()).contains("someone other than who asked for it");
      HttpResponse<String> applied =
          send(ADMIN, "POST", "/api/adjustments/requests/" + id + "/apply", Map.of());
      assertThat(applied.statusCode()).isEqualTo(200);
      assertThat(json.readTree(applied.body()).path("state").asText()).isEqualTo("APPLIED");
      assertThat(ledger(a).get(2).get("amount").toString()).isEqualTo("-10.00");
      assertThat(
              send(ADMIN, "POST", "/api/adjustments/requests/" + id + "/apply", Map.of())
                  .statusCode())
          .isEqualTo(409);
      assertThat(audit("adjustment_request"))
          .contains("adjustment.request by operator", "adjustment.request.apply by admin");

      // a billing override: asked for by one person, applied by another, exactly as asked
      String path = "/api/billing/overrides/publisher/blue-billboard?campaign=pi-accidents";
      HttpResponse<String> overrideAsked =
          send("PUT", path, Map.of("mode", "FIXED", "fixedPayout", 180, "publisherMinSeconds", 60));
      assertThat(overrideAsked.statusCode()).isEqualTo(202);
      long change = json.readTree(overrideAsked.body()).path("id").asLong();
      assertThat(json.readTree(overrideAsked.body()).path("state").asText()).isEqualTo("PENDING");
      assertThat(send("GET", "/api/billing/overrides", null).body())
          .doesNotContain("blue-billboard");
      HttpResponse<String> self =
          send("POST", "/api/billing/override-changes/" + change + "/apply", Map.of());
      assertThat(self.statusCode()).isEqualTo(403);
      assertThat(
              send(ADMIN, "POST", "/api/billing/override-changes/" + change + "/apply", Map.of())
                  .statusCode())
          .isEqualTo(200);
      assertThat(send("GET", "/api/billing/overrides", null).body()).contains("blue-billboard");
      HttpResponse<String> removal = send("DELETE", path, null);
      assertThat(removal.statusCode()).isEqualTo(202);
      send(
          ADMIN,
          "POST",
          "/api/billing/override-changes/"
              + json.readTree(removal.body()).path("id").asLong()
              + "/apply",
          Map.of());
      assertThat(send("GET", "/api/billing/overrides", null).body())
          .doesNotContain("blue-billboard");
      assertThat(audit("billing_override_change"))
          .contains("billing-policy.request by operator", "billing-policy.request.apply by admin");
    } finally {
      send(ADMIN, "PUT", "/api/compliance/settings", Map.of("requireApproval", false));
    }
  }

  @Test
  void anOverrideChangeIsABillingTableVersionThatBooksMoneyOnlyOnceSomeoneElseApprovesIt()
      throws Exception {
    assertThat(
            send(ADMIN, "PUT", "/api/compliance/settings", Map.of("requireApproval", true))
                .statusCode())
        .isEqualTo(200);
    String path = "/api/billing/overrides/publisher/blue-billboard?campaign=pi-accidents";
    try {
      CallTranscript before = driver().place(texasCall("+18885550103", "+15125551040"));
      String liveTable = table(ledger(before).get(1));

      HttpResponse<String> invalid =
          send(ADMIN, "PUT", path, Map.of("mode", "REVENUE_SHARE", "sharePercent", 150));
      assertThat(invalid.statusCode()).isEqualTo(422);
      assertThat(invalid.body()).contains("a revenue share is a percentage from 0 to 100");

      HttpResponse<String> asked = send(ADMIN, "PUT", path, Map.of("fixedPayout", 150));
      assertThat(asked.statusCode()).isEqualTo(202);
      long change = json.readTree(asked.body()).path("id").asLong();
      JsonNode review = null;
      for (JsonNode r :
          json.readTree(
              send(
                      COMPLIANCE,
                      "GET",
                      "/api/compliance/billing-tables?state=pending&campaign=pi-accidents",
                      null)
                  .body())) {
        // acme-law has no terms of its own on the campaign: it shares the "any buyer" table
        if (r.path("version").path("changeId").asLong() == change
            && r.path("version").path("publisherKey").asText().equals("blue-billboard")
            && r.path("version").path("buyerKey").asText().equals("*")) {
          review = r;
        }
      }
      assertThat(review).as("the pending table for blue-billboard and any buyer").isNotNull();
      long version = review.path("version").path("id").asLong();
      String newTable = review.path("version").path("tableRef").asText();
      assertThat(review.path("version").path("previousRef").asText()).isEqualTo(liveTable);
      assertThat(review.path("diff").path(0).path("summary").toString())
          .contains("row publisher-5 changed: Amount 200 → 150");

      HttpResponse<String> rival = send(ADMIN, "PUT", path, Map.of("fixedPayout", 160));
      assertThat(rival.statusCode()).isEqualTo(202);
      long rivalChange = json.readTree(rival.body()).path("id").asLong();

      CallTranscript pending = driver().place(texasCall("+18885550103", "+15125551041"));
      assertThat(table(ledger(pending).get(1))).isEqualTo(liveTable);
      assertThat(ledger(pending).get(1).get("amount")).isEqualTo("200.00");

      HttpResponse<String> own =
          send(ADMIN, "POST", "/api/compliance/billing-tables/" + version + "/approve", Map.of());
      assertThat(own.statusCode()).isEqualTo(403);
      assertThat(own.body()).contains("someone other than who asked");
      HttpResponse<String> approved =
          send(
              COMPLIANCE,
              "POST",
              "/api/compliance/billing-tables/" + version + "/approve",
              Map.of("note", "agreed rate"));
      assertThat(approved.statusCode()).isEqualTo(200);
      assertThat(json.readTree(approved.body()).path("change").path("state").asText())
          .isEqualTo("APPLIED");

      // the rival change was reviewed against the $200 table, which is no longer live
      HttpResponse<String> stale =
          send(
              COMPLIANCE,
              "POST",
              "/api/compliance/billing-tables/" + pendingVersionOf(rivalChange) + "/approve",
              Map.of());
      assertThat(stale.statusCode()).isEqualTo(409);
      assertThat(stale.body()).contains("changed since this change was asked for");
      assertThat(
              send(
                      COMPLIANCE,
                      "POST",
                      "/api/compliance/billing-tables/" + pendingVersionOf(rivalChange) + "/reject",
                      Map.of("note", "superseded"))
                  .statusCode())
          .isEqualTo(200);

      CallTranscript after = driver().place(texasCall("+18885550103", "+15125551042"));
      assertThat(table(ledger(after).get(1))).isEqualTo(newTable);
      assertThat(ledger(after).get(1).get("amount")).isEqualTo("150.00");
      HttpResponse<String> dmn = get("/api/billing/tables/" + newTable);
      assertThat(dmn.statusCode()).isEqualTo(200);
      assertThat(dmn.body()).contains("Fixed payout $150.");
      assertThat(
              jdbc.sql("SELECT state FROM billing_table_versions WHERE id = ?")
                  .param(version)
                  .query(String.class)
                  .single())
          .isEqualTo("LIVE");
      assertThat(audit("billing_table_version"))
          .contains("billing-table.propose by admin", "billing-table.approve by compliance");
    } finally {
      HttpResponse<String> removal = send(ADMIN, "DELETE", path, null);
      if (removal.statusCode() == 202) {
        send(
            "POST",
            "/api/billing/override-changes/"
                + json.readTree(removal.body()).path("id").asLong()
                + "/apply",
            Map.of());
      }
      send(ADMIN, "PUT", "/api/compliance/settings", Map.of("requireApproval", false));
    }
  }

  private long pendingVersionOf(long change) {
    return jdbc.sql(
            "SELECT min(id) FROM billing_table_versions WHERE change_id = ? AND state = 'PENDING'")
        .param(change)
        .query(Long.class)
        .single();
  }

  private static String table(Map<String, Object> ledgerRow) {
    String ref = (String) ledgerRow.get("rule_ref");
    return ref.substring(0, ref.indexOf('#'));
  }

  @Test
  void everyRowACallBooksNamesTheTableOfABillingTableVersionThatWentLive() {
    driver().place(texasCall("+18885550103", "+15125551050"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM ledger_entries WHERE kind IN ('REVENUE', 'PAYOUT')")
                .query(Long.class)
                .single())
        .isPositive();
    // over every call the platform settled in this class, with and without approval
    assertThat(
            jdbc.sql(
                    "SELECT l.rule_ref FROM ledger_entries l WHERE l.kind IN ('REVENUE', 'PAYOUT')"
                        + " AND NOT EXISTS (SELECT 1 FROM billing_table_versions v"
                        + " WHERE v.table_ref = split_part(l.rule_ref, '#', 1)"
                        + " AND v.state IN ('LIVE', 'RETIRED') AND v.decided_at <= l.created_at)")
                .query(String.class)
                .list())
        .isEmpty();
  }

  @Test
  void aRepeatCallerWithinThirtyDaysIsBilledButEarnsThePublisherNothing() {
    driver().place(texasCall("+18885550102", "+15125551010"));
    CallTranscript again = driver().place(texasCall("+18885550102", "+15125551010"));
    assertThat(ledger(again))
        .extracting(r -> r.get("kind") + " " + r.get("party_id") + " " + r.get("amount"))
        .containsExactly("REVENUE acme-law 250.00");
    assertThat(column(callId(again), "duplicate")).isEqualTo(true);
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM routing_trace t JOIN calls c ON c.id = t.call_id"
                        + " WHERE c.call_sid = ? AND t.kind = 'billing' ORDER BY t.seq")
                .param(again.callSid())
                .query(String.class)
                .list())
        .contains("Publisher not paid: duplicate caller within 30 days");
  }

  @Test
  void reportRequestsWithUnknownGroupingPeriodTimezoneOrAnOffQuarterTimeAreRefused()
      throws Exception {
    assertThat(get("/api/reports?by=caller").statusCode()).isEqualTo(422);
    assertThat(get("/api/reports?period=fortnight").statusCode()).isEqualTo(422);
    assertThat(get("/api/reports?tz=Mars/Olympus").statusCode()).isEqualTo(422);
    assertThat(get("/api/reports?from=2026-12-01&to=2026-11-01").statusCode()).isEqualTo(422);
    HttpResponse<String> offQuarter = get("/api/reports?from=2026-11-01T06:10&to=2026-11-02");
    assertThat(offQuarter.statusCode()).isEqualTo(422);
    assertThat(offQuarter.body()).contains("2026-11-01T06:10 is not on a quarter hour");
    assertThat(get("/api/reports?from=2026-11-01T06:45&to=2026-11-02&tz=Asia/Kolkata").statusCode())
        .isEqualTo(200);
    assertThat(get("/api/reports?by=vertical&period=month&tz=America/Chicago").statusCode())
        .isEqualTo(200);
  }

  @Test
  void postbacksOrphanedByAStoppedNodeBecomeDeadLetters() throws Exception {
    CallTranscript call = driver().place(texasCall("+18885550103", "+15125551011"));
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO postbacks (id, call_id, publisher_id, event, url, state, updated_at)"
                + " SELECT ?, id, publisher_id, 'call', 'http://127.0.0.1:9/x', 'SENDING',"
                + " now() - interval '2 hours' FROM calls WHERE call_sid = ?")
        .params(id, call.callSid())
        .update();
    assertThat(sweeper.sweep()).isGreaterThanOrEqualTo(1);
    assertThat(json.readTree(get("/api/postbacks/dead-letters").body()))
        .anyMatch(n -> n.path("id").asText().equals(id.toString()));
  }

  @Test
  void aCallMarkedSpamBillsNobodyAndPaysNobody() {
    directory.save(
        new org.ringtree.rules.directory.TrackingNumber(
            "+18885550199",
            "pi-accidents",
            "sunrise-media",
            Map.of("source", "x", "spam", "true")));
    CallTranscript call = driver().place(texasCall("+18885550199", "+15125551012"));
    assertThat(ledger(call)).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT reason FROM routing_trace t JOIN calls c ON c.id = t.call_id"
                        + " WHERE c.call_sid = ? AND t.kind = 'billing' ORDER BY t.seq")
                .param(call.callSid())
                .query(String.class)
                .list())
        .containsExactly(
            "Buyer not billed: blocked or spam call", "Publisher not paid: blocked or spam call");
  }

  @Test
  void moneyChangesNeedCredentialsAndTheXRingtreeUserHeaderNamesNobody() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(BASE_URL + "/api/disputes/1/reject"))
                .header("X-Ringtree-User", "mallory")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    assertThat(audit("dispute")).noneMatch(a -> a.contains("mallory"));
  }

  @Test
  void anApiKeysUserIsTheActorOfTheMoneyChangesMadeWithIt() throws Exception {
    HttpResponse<String> user =
        send(
            ADMIN,
            "POST",
            "/api/users",
            Map.of("username", "finance-bot", "role", "OPERATOR", "password", "f".repeat(24)));
    assertThat(user.statusCode()).isEqualTo(201);
    HttpResponse<String> created =
        send(
            basic("finance-bot", "f".repeat(24)),
            "POST",
            "/api/users/me/api-keys",
            Map.of("name", "month-end"));
    assertThat(created.statusCode()).isEqualTo(201);
    String bearer = "Bearer " + json.readTree(created.body()).path("key").asText();

    Instant from = Instant.now().minusSeconds(1);
    CallTranscript call = driver().place(texasCall("+18885550103", "+15125551013"));
    Map<String, Object> request =
        Map.of(
            "filter",
            Map.of(
                "from", from.toString(),
                "to", Instant.now().plusSeconds(3600).toString(),
                "trackingNumber", "+18885550103"),
            "action",
            Map.of("party", "BUYER", "mode", "SET", "amount", 240, "reason", "goodwill credit"));
    JsonNode preview =
        json.readTree(send(bearer, "POST", "/api/adjustments/preview", request).body());
    assertThat(preview.path("calls").asInt()).isEqualTo(1);
    Map<String, Object> apply = new java.util.HashMap<>(request);
    apply.put("previewToken", preview.path("previewToken").asText());
    assertThat(send(bearer, "POST", "/api/adjustments/apply", apply).statusCode()).isEqualTo(200);
    assertThat(ledger(call).get(ledger(call).size() - 1).get("amount").toString())
        .isEqualTo("-10.00");
    assertThat(audit("adjustment_batch")).contains("adjustment.apply by finance-bot");
  }

  // --- helpers

  private ReportRow reportTotal(String filter) throws Exception {
    JsonNode report = json.readTree(get("/api/reports?by=none&period=total&" + filter).body());
    JsonNode t = report.path("totals");
    if (t.isEmpty()) {
      return ReportRow.of("", null, "USD", 0, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }
    return json.treeToValue(t.get(0), ReportRow.class);
  }

  private String awaitPostback(String callId, String event, String state) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      List<Map<String, Object>> rows =
          jdbc.sql(
                  "SELECT id::text AS id, state FROM postbacks WHERE call_id = ?::uuid AND event = ?")
              .params(callId, event)
              .query()
              .listOfRows();
      if (!rows.isEmpty() && rows.get(0).get("state").equals(state)) {
        return (String) rows.get(0).get("id");
      }
      Thread.sleep(50);
    }
    throw new AssertionError("postback " + event + " of " + callId + " never reached " + state);
  }

  private List<Map<String, Object>> ledger(CallTranscript call) {
    return jdbc.sql(
            "SELECT l.id, l.kind, l.party_id, l.amount::text AS amount, l.rule_ref, l.corrects_id"
                + " FROM ledger_entries l JOIN calls c ON c.id = l.call_id WHERE c.call_sid = ?"
                + " ORDER BY l.id")
        .param(call.callSid())
        .query()
        .listOfRows();
  }

  private String callId(CallTranscript call) {
    return jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
        .param(call.callSid())
        .query(String.class)
        .single();
  }

  private Object column(String callId, String column) {
    return jdbc.sql("SELECT " + column + " FROM calls WHERE id = ?::uuid")
        .param(callId)
        .query((rs, i) -> rs.getObject(1))
        .single();
  }

  private BigDecimal revenueOf(String callId) {
    return jdbc.sql(
            "SELECT sum(amount) FROM ledger_entries WHERE call_id = ?::uuid AND party_type = 'BUYER'")
        .param(callId)
        .query(BigDecimal.class)
        .single();
  }

  private List<String> audit(String objectType) {
    return jdbc.sql("SELECT action || ' by ' || actor FROM audit_log WHERE object_type = ?")
        .param(objectType)
        .query(String.class)
        .list();
  }

  /** The demo operator, whose name the audit log then records for every change. */
  private static final String OPERATOR = basic("operator", "ringtree-operator-demo");

  private static final String ADMIN = basic("admin", "ringtree-admin-demo");

  private static final String COMPLIANCE = basic("compliance", "ringtree-compliance-demo");

  private static String basic(String user, String password) {
    return "Basic "
        + java.util.Base64.getEncoder()
            .encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(BASE_URL + path))
            .header("Authorization", OPERATOR)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** As a buyer's server calls its conversion postback: no sign-in, only the buyer's key. */
  private HttpResponse<String> anonymousGet(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(BASE_URL + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String key) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(BASE_URL + path))
            .header("X-Ringtree-Key", key)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> send(String method, String path, Object body) throws Exception {
    return send(OPERATOR, method, path, body);
  }

  private HttpResponse<String> send(String authorization, String method, String path, Object body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(BASE_URL + path))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
