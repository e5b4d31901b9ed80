package org.ringtree.runtime.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import org.ringtree.integrations.telnyx.TelnyxSignatures;
import org.ringtree.tools.driver.TwilioDriver;
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

  /** The Telnyx account whose public key the platform is configured with. */
  protected static final KeyPair TELNYX_ACCOUNT = ed25519();

  /** Where this test's platform listens; also the public base URL it checks signatures against. */
  @Value("${ringtree.public-base-url}")
  protected String baseUrl;

  @DynamicPropertySource
  static void platform(DynamicPropertyRegistry registry) {
    int port = freePort(); // per context: cached contexts of other test classes keep theirs
    registry.add("server.port", () -> port);
    registry.add("ringtree.public-base-url", () -> "http://127.0.0.1:" + port);
    registry.add("ringtree.twilio.auth-token", () -> AUTH_TOKEN);
    registry.add(
        "ringtree.telnyx.public-key",
        () -> TelnyxSignatures.portalFormat(TELNYX_ACCOUNT.getPublic()));
  }

  protected TwilioDriver driver() {
    return new TwilioDriver(baseUrl, AUTH_TOKEN);
  }

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
