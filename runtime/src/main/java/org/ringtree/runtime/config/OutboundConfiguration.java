package org.ringtree.runtime.config;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.ringtree.integrations.outbound.GuardedHttpComponent;
import org.ringtree.integrations.outbound.OutboundAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every outbound HTTP call through Camel (RTB pings, postbacks, connectors) goes through {@link
 * OutboundAddresses}: no loopback, private, link-local or metadata address unless {@code
 * ringtree.outbound.allowed-internal} names it. The demo network's bidders run inside this process,
 * on loopback, so the demo allows 127.0.0.1 and ::1, and says so.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboundConfiguration.OutboundSettings.class)
class OutboundConfiguration {

  private static final Logger log = LoggerFactory.getLogger(OutboundConfiguration.class);

  /**
   * @param allowedInternal host names, addresses or CIDR blocks inside the network that outbound
   *     calls may reach (a buyer on a private link, a connector's internal service)
   */
  @ConfigurationProperties("ringtree.outbound")
  record OutboundSettings(List<String> allowedInternal) {
    OutboundSettings {
      allowedInternal = allowedInternal == null ? List.of() : List.copyOf(allowedInternal);
    }
  }

  @Bean
  OutboundAddresses outboundAddresses(OutboundSettings settings, RingtreeProperties properties) {
    List<String> allowed = new ArrayList<>(settings.allowedInternal());
    if (properties.demo().seed()) {
      allowed.add("127.0.0.1");
      allowed.add("::1");
      log.warn(
          "Demo: outbound calls may reach loopback (127.0.0.1, ::1), where the demo bidders run;"
              + " without the demo only public addresses and ringtree.outbound.allowed-internal are"
              + " reached");
    }
    try {
      return new OutboundAddresses(allowed);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "ringtree.outbound.allowed-internal: " + e.getMessage(),
          "List host names, addresses or CIDR blocks, e.g. 10.20.0.0/16 or bids.internal.");
    }
  }

  @Bean
  CamelContextConfiguration guardedOutboundHttp(OutboundAddresses addresses) {
    return new CamelContextConfiguration() {
      @Override
      public void beforeApplicationStart(CamelContext camel) {
        GuardedHttpComponent.install(camel, addresses);
      }

      @Override
      public void afterApplicationStart(CamelContext camel) {}
    };
  }
}
