package org.ringtree.runtime.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.ringtree.runtime.security.Api;
import org.ringtree.runtime.support.LoopbackProxy;
import org.ringtree.runtime.support.TestDatabases;
import org.ringtree.runtime.telephony.WebhookPaths;
import org.ringtree.tools.driver.TwilioDriver;
import org.ringtree.tools.driver.WebhookExchange;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database really goes away mid-call: the platform reaches PostgreSQL through a loopback proxy
 * that the test cuts (every connection reset, new ones refused) and restores. The caller waiting on
 * a webhook hears the campaign's fallback within a few seconds, later webhooks answer it at once,
 * the status callback answers quickly, and calls work again once the database is back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
// closed after the class: a cached context whose database proxy is gone would only log failures
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTest {

  private static final String AUTH_TOKEN = "outage-token-" + Long.toHexString(System.nanoTime());
  private static final int PORT = freePort();
  private static final String BASE_URL = "http://127.0.0.1:" + PORT;
  private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.+)");
  private static LoopbackProxy proxy;

  @DynamicPropertySource
  static void platform(DynamicPropertyRegistry registry) {
    Matcher real = URL.matcher(TestDatabases.create("outage"));
    assertThat(real.matches()).isTrue();
    proxy = new LoopbackProxy(Integer.parseInt(real.group(2)));
    String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + real.group(3);
    registry.add("spring.datasource.url", () -> viaProxy);
    registry.add("spring.datasource.username", TestDatabases::user);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.hikari.maximum-pool-size", () -> 5);
    registry.add("spring.datasource.hikari.minimum-idle", () -> 1);
    registry.add("server.port", () -> PORT);
    registry.add("ringtree.public-base-url", () -> BASE_URL);
    registry.add("ringtree.twilio.auth-token", () -> AUTH_TOKEN);
    registry.add("ringtree.database.probe-every", () -> "500ms");
  }

  @AfterAll
  static void stopProxy() {
    proxy.close();
  }

  @Autowired DatabaseAvailability database;
  @Autowired JdbcClient jdbc;

  @Test
  void aCallerIsNeverDroppedWhileTheDatabaseIsGoneAndCallsWorkOnceItIsBack() throws Exception {
    Api operator = Api.signedIn(BASE_URL, "operator", "ringtree-operator-demo");
    assertThat(
            operator
                .put(
                    "/api/directory/campaigns/pi-accidents/fallback",
                    Map.of(
                        "kind", "NUMBER",
                        "number", "+15125550188",
                        "message", "Connecting you to our intake line."))
                .status())
        .isEqualTo(200);
    TwilioDriver driver = new TwilioDriver(BASE_URL, AUTH_TOKEN);
    String sid = "CAoutage000000000000000000000001";
    assertThat(driver.post(WebhookPaths.INCOMING, params(sid)).body()).contains("<Gather");
    String callId =
        jdbc.sql("SELECT id::text FROM calls WHERE call_sid = ?")
            .param(sid)
            .query(String.class)
            .single();

    proxy.cut();
    try {
      // mid-call: the caller pressed 1 and waits
      long t0 = System.nanoTime();
      WebhookExchange answer =
          driver.post(
              WebhookPaths.GATHER + "?call=" + callId + "&step=1",
              with(params(sid), "Digits", "1"));
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.body())
          .contains("Connecting you to our intake line.", "<Dial", "+15125550188");
      assertThat(took).as("the caller's wait").isLessThan(Duration.ofSeconds(5));
      assertThat(database.knownDown()).isTrue();

      // a new caller is answered from memory at once
      long t1 = System.nanoTime();
      WebhookExchange next =
          driver.post(WebhookPaths.INCOMING, params("CAoutage000000000000000000000002"));
      assertThat(next.body()).contains("Connecting you to our intake line.", "+15125550188");
      assertThat(Duration.ofNanos(System.nanoTime() - t1)).isLessThan(Duration.ofSeconds(1));

      // the end of the call cannot be stored: said quickly, the reconciler asks the carrier later
      long t2 = System.nanoTime();
      WebhookExchange status =
          driver.post(
              WebhookPaths.STATUS,
              with(with(params(sid), "CallStatus", "completed"), "CallDuration", "12"));
      assertThat(status.status()).isEqualTo(503);
      assertThat(Duration.ofNanos(System.nanoTime() - t2)).isLessThan(Duration.ofSeconds(2));
    } finally {
      proxy.restore();
    }

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (database.knownDown() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(database.knownDown()).as("a probe found the database again").isFalse();
    assertThat(
            driver.post(WebhookPaths.INCOMING, params("CAoutage000000000000000000000003")).body())
        .contains("<Gather");
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

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
