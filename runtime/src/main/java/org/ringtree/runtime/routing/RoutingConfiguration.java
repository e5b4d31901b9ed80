package org.ringtree.runtime.routing;

import java.time.Clock;
import org.apache.camel.CamelContext;
import org.ringtree.integrations.connector.ConnectorInvoker;
import org.ringtree.integrations.rtb.CamelBidCollector;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.routing.BidCollector;
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

  @Bean(destroyMethod = "close")
  BidCollector bidCollector(CamelContext camel) {
    return new CamelBidCollector(camel);
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
