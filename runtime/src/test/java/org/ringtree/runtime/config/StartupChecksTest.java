package org.ringtree.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/** Start-up refuses unsafe production settings with one line naming the fix. */
class StartupChecksTest {

  @Test
  void productionWithoutAuthTokenIsRefused() {
    assertThat(problemWith(props("", "https://calls.example.com", false), "prod"))
        .contains("ringtree.twilio.auth-token is not set");
  }

  @Test
  void productionWithTheDemoTokenIsRefused() {
    assertThat(
            problemWith(
                props(RingtreeProperties.DEMO_AUTH_TOKEN, "https://calls.example.com", false),
                "prod"))
        .contains("demo Twilio auth token");
  }

  @Test
  void productionWithALocalPublicUrlIsRefused() {
    assertThat(problemWith(props("secret", "http://localhost:8080", false), "prod"))
        .contains("ringtree.public-base-url");
  }

  @Test
  void productionWithTheDemoSeedIsRefused() {
    assertThat(problemWith(props("secret", "https://calls.example.com", true), "prod"))
        .contains("must not seed the demo network");
  }

  @Test
  void productionWithoutASecretsKeyIsRefused() {
    assertThat(problemWith(props("secret", "https://calls.example.com", false), "prod", ""))
        .contains("ringtree.secrets.key");
  }

  @Test
  void productionWithRealSettingsStarts() {
    assertThat(problemWith(props("secret", "https://calls.example.com", false), "prod")).isNull();
  }

  @Test
  void theQuickstartStartsWithDemoDefaults() {
    assertThat(
            problemWith(
                props(RingtreeProperties.DEMO_AUTH_TOKEN, "http://localhost:8080", true),
                "default"))
        .isNull();
  }

  @Test
  void theProblemIsPrintedAsOneLineWithItsFix() {
    var failure = new InvalidConfigurationException("x is not set", "Set X.");
    FailureAnalysis analysis =
        new ConfigurationFailureAnalyzer().analyze(new IllegalStateException("wrapper", failure));
    assertThat(analysis.getDescription()).isEqualTo("x is not set");
    assertThat(analysis.getAction()).isEqualTo("Set X.");
  }

  private static RingtreeProperties props(String token, String url, boolean seed) {
    return new RingtreeProperties(
        URI.create(url),
        new RingtreeProperties.Twilio("", token),
        new RingtreeProperties.Telnyx(""),
        new RingtreeProperties.Demo(seed),
        "data");
  }

  private static String problemWith(RingtreeProperties props, String profile) {
    return problemWith(props, profile, "c2VjcmV0cy1rZXktb2YtdGhpcnR5LXR3by1ieXRlcyE=");
  }

  private static String problemWith(RingtreeProperties props, String profile, String secretsKey) {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles(profile);
    env.setProperty("ringtree.secrets.key", secretsKey);
    try {
      new StartupChecks(props, env).afterPropertiesSet();
      return null;
    } catch (InvalidConfigurationException e) {
      return e.getMessage();
    }
  }
}
