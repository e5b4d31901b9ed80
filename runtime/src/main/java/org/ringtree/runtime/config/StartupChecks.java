package org.ringtree.runtime.config;

import java.util.Arrays;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Fails start-up fast, with one clear line, when the production profile runs with settings that
 * would make webhooks unverifiable or point Twilio at the wrong host.
 */
@Component
class StartupChecks implements InitializingBean {

  private final RingtreeProperties properties;
  private final Environment environment;

  StartupChecks(RingtreeProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
    String token = properties.twilio().authToken();
    if (token == null || token.isBlank()) {
      throw new InvalidConfigurationException(
          "ringtree.twilio.auth-token is not set, so no webhook signature can be checked",
          "Set RINGTREE_TWILIO_AUTH_TOKEN to your Twilio auth token.");
    }
    if (!production) {
      return;
    }
    if (RingtreeProperties.DEMO_AUTH_TOKEN.equals(token)) {
      throw new InvalidConfigurationException(
          "The prod profile is running with the demo Twilio auth token",
          "Set RINGTREE_TWILIO_AUTH_TOKEN to your Twilio auth token.");
    }
    String host = properties.publicBaseUrl().getHost();
    if (host == null || host.equals("localhost") || host.startsWith("127.")) {
      throw new InvalidConfigurationException(
          "The prod profile needs ringtree.public-base-url to be the public URL Twilio calls, not "
              + properties.publicBaseUrl(),
          "Set RINGTREE_PUBLIC_BASE_URL, e.g. https://calls.example.com (the scheme and host"
              + " Twilio signs; behind a proxy, the outside ones).");
    }
    if (properties.demo().seed()) {
      throw new InvalidConfigurationException(
          "The prod profile must not seed the demo network", "Set RINGTREE_DEMO_SEED=false.");
    }
    String secretsKey = environment.getProperty("ringtree.secrets.key", "");
    if (secretsKey.isBlank()) {
      throw new InvalidConfigurationException(
          "The prod profile needs ringtree.secrets.key (SIP passwords are encrypted with it)",
          "Set RINGTREE_SECRETS_KEY to the output of: openssl rand -base64 32 (keep it out of the"
              + " database's backups).");
    }
  }
}
