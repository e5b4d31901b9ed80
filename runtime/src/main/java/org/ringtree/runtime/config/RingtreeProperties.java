package org.ringtree.runtime.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's own settings ({@code ringtree.*}). Defaults suit the local quickstart; the {@code
 * prod} profile refuses to start with demo values (see {@link StartupChecks}).
 */
@ConfigurationProperties("ringtree")
public record RingtreeProperties(
    @DefaultValue("http://localhost:8080") URI publicBaseUrl,
    @DefaultValue Twilio twilio,
    @DefaultValue Telnyx telnyx,
    @DefaultValue Demo demo,
    @DefaultValue("data") String dataDir) {

  /** Auth token used to check X-Twilio-Signature on every webhook. */
  public record Twilio(@DefaultValue("") String accountSid, @DefaultValue("") String authToken) {}

  /**
   * Telnyx (TeXML) account's public key, base64 as its portal shows it; blank: Telnyx-signed
   * webhooks are refused.
   */
  public record Telnyx(@DefaultValue("") String publicKey) {}

  /** The seeded demo network (on in the quickstart). */
  public record Demo(@DefaultValue("true") boolean seed) {}

  public static final String DEMO_AUTH_TOKEN = "ringtree-demo-auth-token";
}
