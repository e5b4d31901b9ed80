package org.ringtree.runtime.observability;

import java.util.Locale;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Logs are JSON by default (Spring Boot's structured logging, Elastic Common Schema: one object per
 * line, with the call id of every webhook as {@code callId}), which log pipelines read without a
 * parser. {@code RINGTREE_LOG_FORMAT=text} ({@code ringtree.log.format}) switches back to the text
 * lines for a person reading a terminal; {@code logstash} or {@code gelf} pick Spring's other
 * formats. Runs before the logging system starts.
 */
public class LogFormat implements EnvironmentPostProcessor, Ordered {

  static final String SETTING = "ringtree.log.format";
  static final String SPRING_SETTING = "logging.structured.format.console";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty(SPRING_SETTING)) {
      return; // set explicitly: Spring's own setting wins
    }
    String format = environment.getProperty(SETTING, "json").strip().toLowerCase(Locale.ROOT);
    String structured =
        switch (format) {
          case "text" -> null;
          case "json", "ecs" -> "ecs";
          case "logstash", "gelf" -> format;
          default ->
              throw new IllegalArgumentException(
                  SETTING + " is json, text, logstash or gelf; got " + format);
        };
    if (structured != null) {
      environment
          .getPropertySources()
          .addLast(
              new MapPropertySource("ringtree-log-format", Map.of(SPRING_SETTING, structured)));
    }
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
