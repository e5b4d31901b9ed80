package org.ringtree.runtime.connector;

import java.nio.file.Path;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Loads the connectors directory ({@code ringtree.connectors.dir}, from {@code
 * RINGTREE_CONNECTORS_DIR}, default {@code ./connectors}) once Camel has started, so a file whose
 * route id collides with a built-in route is seen as colliding, and looks for changes every {@code
 * ringtree.connectors.poll} (default 2 s).
 */
@Configuration(proxyBeanMethods = false)
class ConnectorsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ConnectorsConfiguration.class);

  @Bean
  ConnectorFiles connectorFiles(
      CamelContext camel,
      @Value("${ringtree.connectors.dir:${RINGTREE_CONNECTORS_DIR:./connectors}}") String dir) {
    return new ConnectorFiles(camel, Path.of(dir).toAbsolutePath().normalize());
  }

  @Bean
  CamelContextConfiguration connectorsDirectoryAtStart(ConnectorFiles files) {
    return new CamelContextConfiguration() {
      @Override
      public void beforeApplicationStart(CamelContext camel) {}

      @Override
      public void afterApplicationStart(CamelContext camel) {
        files.start();
        log.info(
            "Connectors directory {}: {} loaded, {} refused",
            files.dir(),
            files.loaded().size(),
            files.refused().size());
      }
    };
  }

  @Bean
  ConnectorsPoller connectorsPoller(ConnectorFiles files) {
    return new ConnectorsPoller(files);
  }

  /** Picks up added, changed and removed connector files. */
  static class ConnectorsPoller {
    private final ConnectorFiles files;

    ConnectorsPoller(ConnectorFiles files) {
      this.files = files;
    }

    @Scheduled(
        fixedDelayString = "${ringtree.connectors.poll:2s}",
        initialDelayString = "${ringtree.connectors.poll:2s}")
    void poll() {
      files.poll();
    }
  }
}
