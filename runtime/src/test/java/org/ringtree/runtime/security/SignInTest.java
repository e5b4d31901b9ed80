package org.ringtree.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.config.InvalidConfigurationException;
import org.ringtree.runtime.limits.SignInLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * Passwords, lock-out per address, the browser sign-in with CSRF, user administration and the prod
 * check.
 */
class SignInTest extends SecuredAppTest {

  @Autowired JdbcClient jdbc;
  @Autowired UserAccounts accounts;
  @Autowired SecuritySettings settings;
  @Autowired SignInLimiter signIns;

  /** Where the tests' requests come from, as the server sees them. */
  private static final String LOOPBACK = "127.0.0.1";

  @Test
  void everyDemoRoleExistsAndPasswordsAreStoredOnlyAsBcryptHashes() {
    assertThat(
            jdbc.sql("SELECT username || ' ' || role FROM users ORDER BY id")
                .query(String.class)
                .list())
        .contains(
            "admin ADMIN",
            "operator OPERATOR",
            "compliance COMPLIANCE",
            "publisher PUBLISHER",
            "buyer BUYER");
    assertThat(jdbc.sql("SELECT password_hash FROM users").query(String.class).list())
        .allSatisfy(h -> assertThat(h).startsWith("{bcrypt}$2"));
    Api.Reply me = as(PUBLISHER).get("/api/users/me");
    assertThat(me.json().get("publisherId").asText()).isEqualTo("sunrise-media");
    assertThat(me.body()).doesNotContain("password").doesNotContain("$2a$");
  }

  @Test
  void repeatedWrongPasswordsLockTheUsernameFromThatAddressUntilAnAdminUnlocksIt() {
    create("locky", Role.OPERATOR, "right-password-1");
    Api wrong = as("locky", "wrong-password-1");
    for (int i = 0; i < settings.maxFailedAttempts(); i++) {
      assertThat(wrong.get("/api/users/me").status()).isEqualTo(401);
    }

    Api.Reply refused = as("locky", "right-password-1").get("/api/users/me");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotNull();
    assertThat(refused.json().get("message").asText()).contains("failed sign-ins");
    assertThat(accounts.find("locky").orElseThrow().signInLocks())
        .extracting(SignInLimiter.Lock::address)
        .containsExactly(LOOPBACK);
    assertThat(as(ADMIN).get("/api/audit?objectType=user&objectId=locky&action=user.locked").json())
        .singleElement()
        .satisfies(e -> assertThat(e.at("/after/address").asText()).isEqualTo(LOOPBACK));

    assertThat(as(ADMIN).post("/api/users/locky/unlock", Map.of()).status()).isEqualTo(200);
    assertThat(as("locky", "right-password-1").get("/api/users/me").status()).isEqualTo(200);
  }

  @Test
  void aSuccessfulSignInClearsEarlierFailuresFromItsAddress() {
    create("forgetful", Role.COMPLIANCE, "right-password-2");
    as("forgetful", "nope-nope-nope").get("/api/users/me");
    as("forgetful", "nope-nope-nope").get("/api/users/me");
    assertThat(signIns.failures(LOOPBACK, "forgetful")).isEqualTo(2);

    as("forgetful", "right-password-2").get("/api/users/me");

    assertThat(signIns.failures(LOOPBACK, "forgetful")).isZero();
  }

  @Test
  void theBrowserSignInNeedsTheCsrfTokenAndSetsAHardenedSessionCookie() throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String base = "http://127.0.0.1:" + port;
    HttpResponse<String> page =
        http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), body());
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher token =
        // the sign-in page carries the token for its form, as Vaadin's login form reads it
        Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"").matcher(page.body());
    assertThat(token.find()).as(page.body()).isTrue();
    String cookie = sessionCookie(page);

    HttpResponse<String> withoutToken =
        http.send(form(base, cookie, "username=admin&password=ringtree-admin-demo"), body());
    assertThat(withoutToken.statusCode()).isEqualTo(403);

    HttpResponse<String> signedIn =
        http.send(
            form(
                base,
                cookie,
                "username=admin&password=ringtree-admin-demo&_csrf="
                    + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)),
            body());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    // nothing asked for a page first, so the sign-in lands on the console's start page
    assertThat(signedIn.headers().firstValue("Location").orElseThrow()).isEqualTo(base + "/");
    String setCookie =
        signedIn.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("RINGTREE_SESSION="))
            .findFirst()
            .orElseThrow();
    assertThat(setCookie).contains("HttpOnly").contains("SameSite=Strict");

    HttpResponse<String> account =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/account"))
                .header("Cookie", setCookie.substring(0, setCookie.indexOf(';')))
                .build(),
            body());
    assertThat(account.statusCode()).isEqualTo(200);
    assertThat(account.body()).contains("\"username\":\"admin\"");
  }

  @Test
  void onlyAdminsManageUsersAndPortalUsersMustBeLinkedToTheirParty() {
    assertThat(as(OPERATOR).get("/api/users").status()).isEqualTo(403);
    assertThat(as(COMPLIANCE).post("/api/users", user("sneaky", Role.ADMIN, null, null)).status())
        .isEqualTo(403);

    Api.Reply unlinked = as(ADMIN).post("/api/users", user("pubby", Role.PUBLISHER, null, null));
    assertThat(unlinked.status()).isEqualTo(400);
    assertThat(unlinked.json().get("error").asText()).contains("publisherId");
    Api.Reply shortPassword =
        as(ADMIN)
            .post(
                "/api/users",
                Map.of("username", "shorty", "role", "OPERATOR", "password", "short"));
    assertThat(shortPassword.status()).isEqualTo(400);
    Api.Reply linked =
        as(ADMIN).post("/api/users", user("pubby", Role.PUBLISHER, "blue-billboard", null));
    assertThat(linked.status()).isEqualTo(201);
    assertThat(linked.json().get("publisherId").asText()).isEqualTo("blue-billboard");
  }

  @Test
  void usersChangeTheirOwnPasswordKnowingTheCurrentOne() {
    create("changer", Role.OPERATOR, "first-password-1");
    Api changer = as("changer", "first-password-1");

    assertThat(
            changer
                .put(
                    "/api/users/me/password",
                    Map.of("currentPassword", "guess-guess-1", "newPassword", "second-password-2"))
                .status())
        .isEqualTo(400);
    assertThat(
            changer
                .put(
                    "/api/users/me/password",
                    Map.of(
                        "currentPassword", "first-password-1", "newPassword", "second-password-2"))
                .status())
        .isEqualTo(204);
    assertThat(as("changer", "second-password-2").get("/api/users/me").status()).isEqualTo(200);
  }

  @Test
  void theProdProfileRefusesToStartWhileADemoPasswordStillWorks() {
    assertThat(problem("prod", ""))
        .isEqualTo(
            "The prod profile is running while demo users still have their demo passwords:"
                + " admin, operator, compliance, publisher, buyer");
    assertThat(problem("prod", "ringtree-admin-demo")).contains("ringtree.security.admin-password");
    assertThat(problem("default", "")).isNull();

    try {
      DemoUsers.ALL.forEach(
          u -> accounts.setPassword(u.username(), u.username() + "-real-secret", "test"));
      assertThat(problem("prod", "")).isNull();
    } finally {
      DemoUsers.ALL.forEach(u -> accounts.setPassword(u.username(), u.password(), "test"));
    }
  }

  private String problem(String profile, String adminPassword) {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles(profile);
    SecuritySettings s =
        new SecuritySettings(settings.maxFailedAttempts(), settings.lockout(), adminPassword);
    try {
      new CredentialChecks(accounts, s, env).afterPropertiesSet();
      return null;
    } catch (InvalidConfigurationException e) {
      return e.getMessage();
    }
  }

  private void create(String username, Role role, String password) {
    Map<String, Object> body = user(username, role, null, null);
    body.put("password", password);
    Api.Reply r = as(ADMIN).post("/api/users", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static Map<String, Object> user(
      String username, Role role, String publisherId, String buyerId) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("username", username);
    m.put("role", role.name());
    m.put("publisherId", publisherId);
    m.put("buyerId", buyerId);
    m.put("password", "a-long-enough-password");
    return m;
  }

  private static HttpRequest form(String base, String cookie, String form) {
    return HttpRequest.newBuilder(URI.create(base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", cookie)
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static String sessionCookie(HttpResponse<?> r) {
    return r.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("RINGTREE_SESSION="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie: " + r.headers().map()));
  }

  private static HttpResponse.BodyHandler<String> body() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
