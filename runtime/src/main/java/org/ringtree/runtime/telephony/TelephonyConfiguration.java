package org.ringtree.runtime.telephony;

import java.time.Clock;
import org.ringtree.integrations.telnyx.TelnyxSignatures;
import org.ringtree.integrations.twilio.TwilioSignatures;
import org.ringtree.runtime.call.CallRecords;
import org.ringtree.runtime.config.InvalidConfigurationException;
import org.ringtree.runtime.config.RingtreeProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the provider adapters: the signature check in front of every voice webhook. */
@Configuration(proxyBeanMethods = false)
class TelephonyConfiguration {

  @Bean
  TwilioSignatures twilioSignatures(RingtreeProperties properties) {
    return new TwilioSignatures(
        properties.twilio().authToken(), properties.publicBaseUrl().toString());
  }

  @Bean
  FilterRegistrationBean<WebhookSignatureFilter> webhookSignatureFilter(
      TwilioSignatures signatures, RingtreeProperties properties, SignedWebhookUseStore replays) {
    FilterRegistrationBean<WebhookSignatureFilter> registration =
        new FilterRegistrationBean<>(
            new WebhookSignatureFilter(signatures, telnyx(properties), replays, Clock.systemUTC()));
    // every path: the filter itself decides which are webhooks, on the decoded, normalised path
    // (a URL pattern is matched by the container, which is not how Spring MVC routes)
    registration.addUrlPatterns("/*");
    // before anything parses the body (observability.CallIdMdcFilter comes after): Telnyx signs
    // the raw bytes
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * The provider's call records, asked by the reconciler when a call's status never came: Twilio's
   * REST API when both {@code ringtree.twilio.account-sid} and the auth token are set, else none.
   */
  @Bean
  CallRecords callRecords(RingtreeProperties properties) {
    RingtreeProperties.Twilio twilio = properties.twilio();
    if (twilio.accountSid().isBlank() || twilio.authToken().isBlank()) {
      return CallRecords.NONE;
    }
    return new TwilioCallRecords(twilio.accountSid(), twilio.authToken());
  }

  /** Refuses any request that reaches a voice handler without a checked signature. */
  @Bean
  WebMvcConfigurer signedWebhooksOnly() {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SignedWebhookInterceptor());
      }
    };
  }

  /** The Telnyx check, or null when no Telnyx public key is set. */
  static TelnyxSignatures telnyx(RingtreeProperties properties) {
    String key = properties.telnyx().publicKey();
    if (key.isBlank()) {
      return null;
    }
    try {
      return new TelnyxSignatures(key);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "ringtree.telnyx.public-key is not a Telnyx public key: " + e.getMessage(),
          "Set RINGTREE_TELNYX_PUBLIC_KEY to the public key of your Telnyx account (Mission"
              + " Control: Account Settings, Keys & Credentials, Public Key), or unset it.");
    }
  }
}
