package org.ringtree.runtime.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.support.PostgresTest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The limits over real HTTP, with small limits so a test can reach them. Requests from a second
 * client address come from a socket bound to another loopback address (127.0.0.2).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ringtree.limits.api-per-second=20",
      "ringtree.limits.api-per-second-per-user=3",
      "ringtree.limits.conversions-per-second=3",
      "ringtree.limits.webhooks-per-second=4",
      "ringtree.limits.max-body=1KB",
      "ringtree.limits.max-flow-body=4KB"
    })
class AbuseLimitsTest extends PostgresTest {

  private static final String OTHER_ADDRESS = "127.0.0.2";

  @LocalServerPort int port;

  @BeforeEach
  void bucketsRefill() throws InterruptedException {
    Thread.sleep(1100); // every per-second bucket is full again
  }

  @Test
  void apiRequestsOverTheRateAreRefused429WithRetryAfterHoweverThePathIsSpelled() {
    List<Api.Reply> replies = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      replies.add(anonymous().get(i % 2 == 0 ? "/api/portal/me" : "/api/%70ortal/me"));
    }

    assertThat(replies).extracting(Api.Reply::status).contains(401, 429);
    Api.Reply refused = replies.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
    assertThat(refused.header("Retry-After")).isEqualTo("1");
    assertThat(refused.json().get("message").asText()).contains("too many API requests");
    // conversions and webhooks are counted apart from the rest of the API
    assertThat(anonymous().post("/api/postbacks/conversions/bidder-one", Map.of()).status())
        .isNotEqualTo(429);
  }

  @Test
  void theApiLimitPerUserCountsOnlySignedInRequestsOfThatUser() {
    List<Integer> admin = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      admin.add(signedIn("admin", "ringtree-admin-demo").get("/api/users/me").status());
    }

    assertThat(admin).contains(200, 429);
    assertThat(signedIn("operator", "ringtree-operator-demo").get("/api/users/me").status())
        .isEqualTo(200);
  }

  @Test
  void conversionPostbacksAndWebhooksHaveTheirOwnLimits() {
    List<Integer> conversions = new ArrayList<>();
    List<Integer> webhooks = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      conversions.add(anonymous().post("/api/postbacks/conversions/bidder-one", Map.of()).status());
      webhooks.add(anonymous().post("/twilio/voice/incoming", Map.of()).status());
    }

    // refused by the endpoint (no buyer key), then too many
    assertThat(conversions.subList(0, 3)).doesNotContain(429);
    assertThat(conversions).contains(429);
    assertThat(webhooks).contains(403, 429); // unsigned, then too many
    assertThat(webhooks.subList(0, 4)).containsOnly(403);
  }

  @Test
  void guessingTheAdminsPasswordFromOneAddressDoesNotLockTheAdminOutElsewhere() {
    for (int i = 0; i < 5; i++) {
      assertThat(rawStatus(OTHER_ADDRESS, "GET", "/api/users/me", basic("admin", "guess-" + i)))
          .isEqualTo(401);
    }

    // from the guessing address: refused, even with the right password, and the form too
    assertThat(
            rawStatus(OTHER_ADDRESS, "GET", "/api/users/me", basic("admin", "ringtree-admin-demo")))
        .isEqualTo(429);
    assertThat(rawForm(OTHER_ADDRESS, "/login", "username=admin&password=ringtree-admin-demo"))
        .isEqualTo(429);
    // from anywhere else the admin signs in as usual, sees the lock and lifts it
    Api admin = signedIn("admin", "ringtree-admin-demo");
    Api.Reply me = admin.get("/api/users/admin");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().at("/signInLocks/0/address").asText()).isEqualTo(OTHER_ADDRESS);
    assertThat(admin.post("/api/users/admin/unlock", Map.of()).status()).isEqualTo(200);
    assertThat(
            rawStatus(OTHER_ADDRESS, "GET", "/api/users/me", basic("admin", "ringtree-admin-demo")))
        .isEqualTo(200);
  }

  @Test
  void aBodyOverTheLimitIsRefused413WhetherItsLengthIsGivenOrItIsChunked() {
    String big = "{\"password\":\"" + "x".repeat(2000) + "\"}";
    Api.Reply declared =
        signedIn("admin", "ringtree-admin-demo")
            .put("/api/users/me/password", Map.of("currentPassword", "x".repeat(2000)));
    assertThat(declared.status()).isEqualTo(413);
    assertThat(declared.json().get("message").asText()).contains("1024 bytes");
    assertThat(anonymous().postRaw("/api/users", big).status()).isEqualTo(413);

    assertThat(chunked("/api/users/me/password", big)).startsWith("HTTP/1.1 413");
    // a small chunked body is read through to the endpoint: it answers about the password
    assertThat(
            chunked(
                "/api/users/me/password",
                "{\"currentPassword\":\"wrong-wrong-wrong\",\"newPassword\":\"new-password-12\"}"))
        .startsWith("HTTP/1.1 400")
        .contains("current password is wrong");
  }

  @Test
  void aFlowDocumentMayBeAsLargeAsTheFlowLimit() {
    Api admin = signedIn("admin", "ringtree-admin-demo");
    String flow = "{\"id\":\"demo\",\"pad\":\"" + "x".repeat(3000) + "\"}";

    assertThat(admin.postRaw("/api/compliance/flows/demo/versions", flow).status())
        .isNotEqualTo(413);
    assertThat(
            admin.postRaw("/api/compliance/flows/demo/versions", flow + " ".repeat(2000)).status())
        .isEqualTo(413);
  }

  private Api anonymous() {
    return Api.signedIn(base(), null, null);
  }

  private Api signedIn(String username, String password) {
    return Api.signedIn(base(), username, password);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  private static String basic(String username, String password) {
    return "Authorization: Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private int rawStatus(String from, String method, String path, String header) {
    return status(send(from, method + " " + path + " HTTP/1.1\r\n" + header + "\r\n", ""));
  }

  private int rawForm(String from, String path, String form) {
    return status(
        send(
            from,
            "POST "
                + path
                + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: "
                + form.length()
                + "\r\n",
            form));
  }

  /** Sends a JSON body in chunks, without a length, signed in as the admin. */
  private String chunked(String path, String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < bytes.length; i += 500) {
      String part = json.substring(i, Math.min(bytes.length, i + 500));
      body.append(Integer.toHexString(part.length())).append("\r\n").append(part).append("\r\n");
    }
    body.append("0\r\n\r\n");
    return send(
        "127.0.0.1",
        "PUT "
            + path
            + " HTTP/1.1\r\nContent-Type: application/json\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + basic("admin", "ringtree-admin-demo")
            + "\r\n",
        body.toString());
  }

  /** One request over a socket bound to {@code from}; returns the whole response. */
  private String send(String from, String head, String body) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (head + "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n" + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }
}
