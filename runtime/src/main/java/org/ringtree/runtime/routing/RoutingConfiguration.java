package org.ringtree.runtime.routing;

import java.time.Clock;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.ringtree.integrations.connector.ConnectorInvoker;
import org.ringtree.integrations.rtb.BidResponseParser;
import org.ringtree.integrations.rtb.CamelBidCollector;
import org.ringtree.integrations.rtb.CamelBidPoster;
import org.ringtree.integrations.rtb.PingRateLimiter;
import org.ringtree.integrations.rtb.RtbLimits;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.routing.BidCollector;
import org.ringtree.rules.routing.BidPoster;
import org.ringtree.runtime.config.InvalidConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the engine and the adapters it needs: buyer pings and connectors over Camel. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class RoutingConfiguration {

  @Bean
  DecisionEngine decisionEngine() {
    return new DecisionEngine();
  }

  /**
   * Buyer pings over HTTP through Camel, each target limited to its own ping rate when one is
   * configured ({@code ringtree.rtb.rate-limits.<targetId>=<pings per second>[,<burst>]}, or a
   * network-wide {@code ringtree.rtb.default-rate-limit}); a limited ping is recorded as
   * RATE_LIMITED in the call's trace, never sent.
   */
  @Bean(destroyMethod = "close")
  BidCollector bidCollector(CamelContext camel, RtbSettings settings) {
    PingRateLimiter limiter =
        settings.defaultRateLimit() == null
            ? PingRateLimiter.unlimited()
            : PingRateLimiter.withDefault(rate(settings.defaultRateLimit(), "default"));
    settings.rateLimits().forEach((target, spec) -> limiter.setRate(target, rate(spec, target)));
    Logger log = LoggerFactory.getLogger(CamelBidCollector.class);
    return new CamelBidCollector(
        camel,
        new BidResponseParser(RtbLimits.defaults()),
        limiter,
        late ->
            log.info(
                "Late bid from {} after the auction closed: {} ({})",
                late.targetId(),
                late.status(),
                late.reason()));
  }

  /** Ping-post: the winner's post over HTTP through the same Camel route as the pings. */
  @Bean(destroyMethod = "close")
  BidPoster bidPoster(CamelContext camel) {
    return new CamelBidPoster(camel);
  }

  /** RTB settings: per-target and default ping rate limits. */
  @ConfigurationProperties("ringtree.rtb")
  record RtbSettings(String defaultRateLimit, Map<String, String> rateLimits) {
    RtbSettings {
      rateLimits = rateLimits == null ? Map.of() : Map.copyOf(rateLimits);
    }
  }

  static PingRateLimiter.Rate rate(String spec, String name) {
    String[] parts = spec.split(",");
    try {
      double perSecond = Double.parseDouble(parts[0].strip());
      int burst =
          parts.length > 1 ? Integer.parseInt(parts[1].strip()) : Math.max(1, (int) perSecond);
      return new PingRateLimiter.Rate(perSecond, burst);
    } catch (RuntimeException e) {
      throw new InvalidConfigurationException(
          "ringtree.rtb rate limit for " + name + " is not '<pings per second>[,<burst>]': " + spec,
          "Fix ringtree.rtb.rate-limits." + name + ", e.g. 5 or 5,10.");
    }
  }

  @Bean(destroyMethod = "close")
  ConnectorInvoker connectorInvoker(CamelContext camel) {
    return new ConnectorInvoker(camel);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  CapacitySweeper capacitySweeper(CapacityStore capacity) {
    return new CapacitySweeper(capacity);
  }

  /** Gives back capacity held by crashed nodes, on every node, every few seconds. */
  static class CapacitySweeper {
    private final CapacityStore capacity;

    CapacitySweeper(CapacityStore capacity) {
      this.capacity = capacity;
    }

    @Scheduled(fixedDelayString = "${ringtree.routing.sweep-interval:5s}")
    void sweep() {
      capacity.sweepExpired();
    }
  }
}
