package org.ringtree.runtime;

import java.util.Arrays;
import org.ringtree.runtime.cli.SimulatedCallCommand;
import org.ringtree.runtime.driver.LoadGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The Ringtree platform: webhooks, call orchestration, persistence, billing and the REST API. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RingtreeApplication {

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("call")) {
      SimulatedCallCommand.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    if (args.length > 0 && args[0].equals("load")) {
      LoadGenerator.main(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    SpringApplication.run(RingtreeApplication.class, args);
  }
}
