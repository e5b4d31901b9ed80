package org.ringtree.runtime.telephony;

import org.ringtree.integrations.twilio.TwilioSignatures;
import org.ringtree.runtime.config.RingtreeProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Wires the Twilio adapter: the signature check in front of every voice webhook. */
@Configuration(proxyBeanMethods = false)
class TelephonyConfiguration {

  @Bean
  TwilioSignatures twilioSignatures(RingtreeProperties properties) {
    return new TwilioSignatures(
        properties.twilio().authToken(), properties.publicBaseUrl().toString());
  }

  @Bean
  FilterRegistrationBean<TwilioSignatureFilter> twilioSignatureFilter(TwilioSignatures signatures) {
    FilterRegistrationBean<TwilioSignatureFilter> registration =
        new FilterRegistrationBean<>(new TwilioSignatureFilter(signatures));
    registration.addUrlPatterns(WebhookPaths.BASE + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
