package org.ringtree.runtime.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.ringtree.runtime.driver.TwilioDriver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform on a real port with its demo network, over a fresh PostgreSQL database, driven
 * through signed webhooks exactly as Twilio would. The port is chosen before start-up because
 * Twilio signs the public URL, which the platform must know.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class RunningPlatformTest extends PostgresTest {

  protected static final String AUTH_TOKEN =
      "test-auth-token-" + Long.toHexString(System.nanoTime());

  /** Where this test's platform listens; also the public base URL it checks signatures against. */
  @Value("${ringtree.public-base-url}")
  protected String baseUrl;

  @DynamicPropertySource
  static void platform(DynamicPropertyRegistry registry) {
    int port = freePort(); // per context: cached contexts of other test classes keep theirs
    registry.add("server.port", () -> port);
    registry.add("ringtree.public-base-url", () -> "http://127.0.0.1:" + port);
    registry.add("ringtree.twilio.auth-token", () -> AUTH_TOKEN);
  }

  protected TwilioDriver driver() {
    return new TwilioDriver(baseUrl, AUTH_TOKEN);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
