package org.ringtree.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Ringtree platform: webhooks, call orchestration, persistence, billing and the REST API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RingtreeApplication {

  public static void main(String[] args) {
    SpringApplication.run(RingtreeApplication.class, args);
  }
}
