package org.ringtree.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole REST API behind sign-in: 401 without credentials, 403 for the wrong role, API keys that
 * act as their user until revoked, and the endpoints that stay open (webhooks, demo bidders,
 * health, buyers' conversion postbacks, which check the buyer's own key).
 */
class ApiAccessTest extends SecuredAppTest {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  /** One request per protected area, with a body where the endpoint takes one. */
  record Endpoint(String method, String path) {}

  static final List<Endpoint> PROTECTED =
      List.of(
          new Endpoint("GET", "/api/calls/CA-none"),
          new Endpoint("GET", "/api/reports"),
          new Endpoint("GET", "/api/reports/csv"),
          new Endpoint("GET", "/api/disputes"),
          new Endpoint("POST", "/api/disputes"),
          new Endpoint("POST", "/api/disputes/1/approve"),
          new Endpoint("POST", "/api/adjustments/preview"),
          new Endpoint("POST", "/api/adjustments/apply"),
          new Endpoint("GET", "/api/billing/overrides"),
          new Endpoint("PUT", "/api/billing/overrides/publisher/sunrise-media"),
          new Endpoint("PUT", "/api/billing/clawback-rules/pi-accidents"),
          new Endpoint("GET", "/api/postbacks"),
          new Endpoint("GET", "/api/postbacks/dead-letters"),
          new Endpoint("POST", "/api/postbacks/" + UUID.randomUUID() + "/retry"),
          new Endpoint("POST", "/api/postbacks/buyers/acme-law/key"),
          new Endpoint("PUT", "/api/postbacks/publishers/sunrise-media"),
          new Endpoint("GET", "/api/compliance/flows"),
          new Endpoint("GET", "/api/directory"),
          new Endpoint("PUT", "/api/directory/publishers/sunrise-media"),
          new Endpoint("GET", "/api/audit"),
          new Endpoint("GET", "/api/fraud/policies"),
          new Endpoint("POST", "/api/fraud/blocklist"),
          new Endpoint("GET", "/api/portal/calls"),
          new Endpoint("GET", "/api/users"),
          new Endpoint("GET", "/api/users/admin/api-keys"),
          new Endpoint("POST", "/api/users/admin/api-keys"),
          new Endpoint("GET", "/api/not-yet-written"));

  @Test
  void everyApiAreaAnswers401WithABasicChallengeWithoutCredentials() {
    for (Endpoint e : PROTECTED) {
      Api.Reply r = anonymous().send(e.method(), e.path(), Map.of());
      assertThat(r.status()).as(e.toString()).isEqualTo(401);
      assertThat(r.header("WWW-Authenticate")).as(e.toString()).startsWith("Basic realm=");
    }
  }

  @Test
  void rolesDecideWhoMayReadAndWhoMayChange() {
    assertThat(as(OPERATOR).get("/api/reports").status()).isEqualTo(200);
    assertThat(as(COMPLIANCE).get("/api/reports").status()).isEqualTo(200);
    assertThat(as(COMPLIANCE).get("/api/disputes").status()).isEqualTo(200);
    assertThat(as(COMPLIANCE).get("/api/billing/overrides").status()).isEqualTo(200);
    assertThat(as(ADMIN).get("/api/calls/CA-none").status()).isEqualTo(404);

    Api.Reply forbidden = as(COMPLIANCE).post("/api/adjustments/apply", Map.of());
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().path("status").asInt()).isEqualTo(403);
    assertThat(as(COMPLIANCE).post("/api/adjustments/preview", Map.of()).status()).isEqualTo(403);
    assertThat(as(COMPLIANCE).post("/api/disputes", Map.of()).status()).isEqualTo(403);
    assertThat(as(COMPLIANCE).put("/api/billing/overrides/buyer/acme-law", Map.of()).status())
        .isEqualTo(403);
    assertThat(as(COMPLIANCE).get("/api/postbacks/dead-letters").status()).isEqualTo(403);
    assertThat(as(COMPLIANCE).get("/api/billing/clawback-rules").status()).isEqualTo(200);
    assertThat(
            as(COMPLIANCE)
                .put("/api/billing/clawback-rules/pi-accidents", Map.of("percent", 50))
                .status())
        .isEqualTo(403);
    assertThat(
            as(BUYER)
                .put("/api/billing/clawback-rules/pi-accidents", Map.of("percent", 0))
                .status())
        .isEqualTo(403);
    Api.Reply clawback =
        as(OPERATOR).put("/api/billing/clawback-rules/pi-accidents", Map.of("percent", 100));
    assertThat(clawback.status()).as(clawback.body()).isEqualTo(200);
    assertThat(clawback.json().get("percent").decimalValue()).isEqualByComparingTo("100");

    assertThat(as(PUBLISHER).get("/api/reports").status()).isEqualTo(403);
    assertThat(as(PUBLISHER).get("/api/calls/CA-none").status()).isEqualTo(403);
    assertThat(as(BUYER).get("/api/disputes").status()).isEqualTo(403);
    assertThat(as(BUYER).post("/api/disputes", Map.of()).status()).isEqualTo(403);
    assertThat(as(BUYER).post("/api/postbacks/buyers/bidder-one/key", Map.of()).status())
        .isEqualTo(403);
    assertThat(as(OPERATOR).get("/api/portal/calls").status()).isEqualTo(403);

    assertThat(as(OPERATOR).get("/api/postbacks/dead-letters").status()).isEqualTo(200);
    assertThat(as(OPERATOR).post("/api/users/operator/api-keys", Map.of()).status()).isEqualTo(403);
    assertThat(as(OPERATOR).get("/api/users/admin/api-keys").status()).isEqualTo(403);
    assertThat(as(OPERATOR).get("/api/users/me/api-keys").status()).isEqualTo(200);
    // fraud defences: compliance reads, operators change
    assertThat(as(COMPLIANCE).get("/api/fraud/policies").status()).isEqualTo(200);
    assertThat(as(COMPLIANCE).put("/api/fraud/policies/*", Map.of()).status()).isEqualTo(403);
    assertThat(as(PUBLISHER).get("/api/fraud/findings").status()).isEqualTo(403);
    assertThat(as(OPERATOR).get("/api/fraud/findings").status()).isEqualTo(200);
    // a path without a rule is closed, even to admins
    assertThat(as(ADMIN).get("/api/not-yet-written").status()).isEqualTo(403);
  }

  @Test
  void anApiKeyActsAsItsUserWithThatRoleUntilRevoked() throws Exception {
    Api.Reply created =
        as(COMPLIANCE).post("/api/users/me/api-keys", Map.of("name", "nightly export"));
    assertThat(created.status()).isEqualTo(201);
    String key = created.json().path("key").asText();
    String id = created.json().at("/apiKey/id").asText();
    assertThat(key).startsWith("rt_" + id + "_").hasSize(3 + 12 + 1 + 43);
    // base64url may itself contain '_': the secret is what follows the id
    String secret = key.substring(("rt_" + id + "_").length());

    JsonNode me = withKey(key).get("/api/users/me").json();
    assertThat(me.path("username").asText()).isEqualTo("compliance");
    assertThat(withKey(key).get("/api/reports").status()).isEqualTo(200);
    assertThat(Api.withKeyHeader("http://127.0.0.1:" + port, key).get("/api/disputes").status())
        .isEqualTo(200);
    assertThat(withKey(key).post("/api/adjustments/apply", Map.of()).status()).isEqualTo(403);

    JsonNode listed = as(ADMIN).get("/api/users/compliance/api-keys").json();
    assertThat(listed).hasSize(1);
    assertThat(listed.get(0).path("name").asText()).isEqualTo("nightly export");
    assertThat(listed.get(0).path("lastUsedAt").isNull()).isFalse();
    assertThat(listed.toString()).doesNotContain(secret);

    // only a hash is stored: no column holds the key or its secret part
    String row =
        jdbc.sql("SELECT a::text FROM api_keys a WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(row).doesNotContain(secret);
    byte[] stored =
        jdbc.sql("SELECT secret_sha256 FROM api_keys WHERE id = ?")
            .param(id)
            .query(byte[].class)
            .single();
    assertThat(stored)
        .isEqualTo(
            MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));

    Api.Reply revoked = as(ADMIN).delete("/api/users/compliance/api-keys/" + id);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().path("revokedBy").asText()).isEqualTo("admin");
    Api.Reply refused = withKey(key).get("/api/reports");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");
    assertThat(as(ADMIN).delete("/api/users/compliance/api-keys/nosuchkey000").status())
        .isEqualTo(404);

    JsonNode audit = as(ADMIN).get("/api/audit?objectType=user&objectId=compliance").json();
    assertThat(audit)
        .extracting(e -> e.path("action").asText() + " by " + e.path("actor").asText())
        .contains("api-key.create by compliance", "api-key.revoke by admin");
    assertThat(audit.toString()).doesNotContain(secret);
  }

  @Test
  void aKeyWithAnExpiryWorksUntilThenAndIsRefusedAfter() {
    Instant expiry = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
    Api.Reply created =
        as(OPERATOR)
            .post(
                "/api/users/me/api-keys",
                Map.of("name", "agency export", "expiresAt", expiry.toString()));
    assertThat(created.status()).isEqualTo(201);
    assertThat(Instant.parse(created.json().at("/apiKey/expiresAt").asText())).isEqualTo(expiry);
    String key = created.json().path("key").asText();
    String id = created.json().at("/apiKey/id").asText();
    assertThat(withKey(key).get("/api/reports").status()).isEqualTo(200);

    // the same key a month on
    jdbc.sql(
            "UPDATE api_keys SET created_at = now() - interval '31 days',"
                + " expires_at = now() - interval '1 day' WHERE id = ?")
        .param(id)
        .update();
    Api.Reply refused = withKey(key).get("/api/reports");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("WWW-Authenticate")).contains("invalid_token");

    Api.Reply past =
        as(OPERATOR)
            .post(
                "/api/users/me/api-keys",
                Map.of("name", "too late", "expiresAt", "2020-01-01T00:00:00Z"));
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body()).contains("expiresAt must be in the future");
    Api.Reply garbled =
        as(OPERATOR)
            .post("/api/users/me/api-keys", Map.of("name", "garbled", "expiresAt", "next tuesday"));
    assertThat(garbled.status()).isEqualTo(400);
    assertThat(garbled.body()).contains("expiresAt an ISO instant");
    JsonNode audit = as(ADMIN).get("/api/audit?objectType=user&objectId=operator").json();
    assertThat(audit.toString()).contains(expiry.toString());
  }

  @Test
  void aKeyIsCreatedOnlyByItsOwnerSignedInWithTheirPassword() {
    Api.Reply forAnother = as(ADMIN).post("/api/users/operator/api-keys", Map.of("name", "x"));
    assertThat(forAnother.status()).isEqualTo(403);
    assertThat(forAnother.body()).contains("created by its owner", "/api/users/me/api-keys");
    Api.Reply own = as(ADMIN).post("/api/users/admin/api-keys", Map.of("name", "admin's own"));
    assertThat(own.status()).isEqualTo(201);

    String key = own.json().path("key").asText();
    Api.Reply keyMintingAKey = withKey(key).post("/api/users/me/api-keys", Map.of());
    assertThat(keyMintingAKey.status()).isEqualTo(403);
    assertThat(keyMintingAKey.body()).contains("sign in with your password");
    assertThat(
            jdbc.sql("SELECT count(*) FROM api_keys WHERE username = 'operator' AND name = 'x'")
                .query(Long.class)
                .single())
        .isZero();

    // each user lists and revokes their own
    String id = own.json().at("/apiKey/id").asText();
    assertThat(as(ADMIN).get("/api/users/me/api-keys").json().toString()).contains(id);
    assertThat(as(OPERATOR).delete("/api/users/me/api-keys/" + id).status()).isEqualTo(404);
    assertThat(as(ADMIN).delete("/api/users/me/api-keys/" + id).status()).isEqualTo(200);
  }

  @Test
  void unknownMalformedAndDisabledUsersKeysAre401() {
    String unknown = "rt_abcdefghijkl_" + "A".repeat(43);
    assertThat(withKey(unknown).get("/api/reports").status()).isEqualTo(401);
    assertThat(withKey("not-a-key").get("/api/reports").status()).isEqualTo(401);

    assertThat(
            as(ADMIN)
                .post(
                    "/api/users",
                    Map.of(
                        "username", "report-bot", "role", "OPERATOR", "password", "p".repeat(20)))
                .status())
        .isEqualTo(201);
    Api reportBot = Api.signedIn("http://127.0.0.1:" + port, "report-bot", "p".repeat(20));
    String key = reportBot.post("/api/users/me/api-keys", Map.of()).json().path("key").asText();
    assertThat(withKey(key).get("/api/reports").status()).isEqualTo(200);
    // a key cannot be bent into another key by changing its secret
    String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
    assertThat(withKey(tampered).get("/api/reports").status()).isEqualTo(401);

    assertThat(as(ADMIN).put("/api/users/report-bot", Map.of("enabled", false)).status())
        .isEqualTo(200);
    assertThat(withKey(key).get("/api/reports").status()).isEqualTo(401);
    assertThat(as(ADMIN).post("/api/users/nobody-here/api-keys", Map.of()).status()).isEqualTo(404);
  }

  @Test
  void webhooksDemoBiddersHealthAndBuyerConversionsStayOpen() {
    // the Twilio webhooks answer to their signature filter, not to a sign-in
    assertThat(anonymous().post("/twilio/voice/incoming", Map.of()).status()).isEqualTo(403);
    assertThat(anonymous().post("/demo/rtb/bidder-two", Map.of()).status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(200);
    // the rest of actuator needs an admin's sign-in (a redirect to it, never the data)
    assertThat(anonymous().get("/actuator/metrics").status()).isNotEqualTo(200);
    assertThat(anonymous().get("/actuator/info").status()).isNotEqualTo(200);
    assertThat(anonymous().get("/actuator/metrics").body()).doesNotContain("jvm.");
    assertThat(anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
    assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(200);
    // no sign-in asked: the endpoint itself refuses a wrong buyer key
    Api.Reply conversion =
        anonymous().get("/api/postbacks/conversions/acme-law?call_id=x&key=wrong-key");
    assertThat(conversion.status()).isEqualTo(403);
    assertThat(conversion.header("WWW-Authenticate")).isNull();
  }

  @Test
  void theApiReferenceIsOpenAndDescribesTheRestApiAndTheWebhooks() {
    Api.Reply doc = anonymous().get("/v3/api-docs");
    assertThat(doc.status()).isEqualTo(200);
    JsonNode paths = doc.json().path("paths");
    assertThat(paths.has("/api/reports")).isTrue();
    assertThat(paths.has("/api/users/{username}/api-keys")).isTrue();
    assertThat(paths.has("/twilio/voice/incoming")).isTrue();
    assertThat(paths.has("/demo/rtb/bidder-one")).isFalse();
    assertThat(doc.json().at("/components/securitySchemes/apiKey/scheme").asText())
        .isEqualTo("bearer");
    assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void withoutATelnyxKeyATelnyxSignedWebhookIsRefusedSayingWhyAndWritesNothing() throws Exception {
    // this context configures no Telnyx public key (RunningPlatformTest's does)
    long calls = jdbc.sql("SELECT count(*) FROM calls").query(Long.class).single();
    java.net.http.HttpResponse<String> refused =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/twilio/voice/incoming"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("telnyx-signature-ed25519", "c2lnbmF0dXJl")
                    .header("telnyx-timestamp", String.valueOf(Instant.now().getEpochSecond()))
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "CallSid=v3:abc&From=%2B13105550000&To=%2B18885550101"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("ringtree.telnyx.public-key");
    assertThat(jdbc.sql("SELECT count(*) FROM calls").query(Long.class).single()).isEqualTo(calls);
  }

  @Test
  void theAppRoleMayMarkKeysUsedOrRevokedButNeverDeleteThem() throws SQLException {
    boolean roleExists =
        jdbc.sql("SELECT count(*) FROM pg_roles WHERE rolname = 'ringtree_app'")
                .query(Long.class)
                .single()
            > 0;
    Assumptions.assumeTrue(roleExists, "ringtree_app is created only where the migrator may");
    as(OPERATOR).post("/api/users/me/api-keys", Map.of("name", "role check"));
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SET ROLE ringtree_app");
      try {
        s.execute("UPDATE api_keys SET last_used_at = now() WHERE username = 'operator'");
        assertThatThrownBy(() -> s.execute("DELETE FROM api_keys"))
            .hasMessageContaining("permission denied");
      } finally {
        s.execute("RESET ROLE");
      }
    }
  }
}
