package org.ringtree.runtime.cost;

import org.ringtree.runtime.config.RingtreeProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the provider's prices: Twilio's REST API when its credentials are set, else none. */
@Configuration(proxyBeanMethods = false)
class CostConfiguration {

  /**
   * @param apiBase {@code ringtree.costs.provider-api}: another base URL for Twilio's REST API
   *     (blank: {@code https://api.twilio.com}), e.g. a Twilio-compatible provider
   */
  @Bean
  ProviderPrices providerPrices(
      RingtreeProperties properties, @Value("${ringtree.costs.provider-api:}") String apiBase) {
    RingtreeProperties.Twilio twilio = properties.twilio();
    if (twilio.accountSid().isBlank() || twilio.authToken().isBlank()) {
      return ProviderPrices.NONE;
    }
    return new TwilioPrices(twilio.accountSid(), twilio.authToken(), apiBase);
  }
}
