package org.ringtree.runtime.connector;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.model.CircuitBreakerDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.Resilience4jConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.ringtree.integrations.connector.Connectors;
import org.ringtree.runtime.connector.ConnectorFiles.Connector;
import org.ringtree.runtime.connector.ConnectorFiles.RefusedException;

/**
 * What a connector route must declare, read from one route alone: its id and input, its {@code
 * ringtree.*} declarations, and the circuit breaker it runs in. Collisions with other routes are
 * {@link ConnectorFiles}' to check, as only it knows what is loaded.
 */
final class ConnectorContract {

  private static final Pattern DECLARATION =
      Pattern.compile("^\\s*(?:#|<!--)?\\s*ringtree\\.([a-z-]+)\\s*:\\s*(.*?)\\s*(?:-->)?\\s*$");

  private ConnectorContract() {}

  /**
   * The connector's name from its route: an id {@code connector-<name>} consumed from {@code
   * direct:connector-<name>}.
   */
  static String name(RouteDefinition route) throws RefusedException {
    String id = route.getRouteId();
    Integer line = route.getLineNumber() > 0 ? route.getLineNumber() : null;
    if (id == null || !id.startsWith("connector-")) {
      throw new RefusedException(
          line, "route id '" + id + "' is not connector-<name> (lower-case letters, digits, -)");
    }
    String name = id.substring("connector-".length());
    if (!Connectors.isValidName(name)) {
      throw new RefusedException(
          line, "route id '" + id + "' is not connector-<name> (lower-case letters, digits, -)");
    }
    String from = route.getInput() == null ? null : route.getInput().getEndpointUri();
    if (!("direct:" + id).equals(from) && !("direct://" + id).equals(from)) {
      throw new RefusedException(
          line, "the route must consume from direct:" + id + ", not " + from);
    }
    return name;
  }

  /**
   * The connector a checked route declares (description, inputs, outputs, timeout), its route
   * wrapped in its circuit breaker.
   */
  static Connector connector(
      Path file, RouteDefinition route, String name, Map<String, String> declared)
      throws RefusedException {
    String id = route.getRouteId();
    Integer line = route.getLineNumber() > 0 ? route.getLineNumber() : null;
    String description =
        route.getDescription() != null && !route.getDescription().isBlank()
            ? route.getDescription()
            : declared.get("description");
    if (description == null || description.isBlank()) {
      throw new RefusedException(
          line, "declares no description (route description or a ringtree.description line)");
    }
    for (String key : List.of("inputs", "outputs", "timeout-ms")) {
      if (!declared.containsKey(key)) {
        throw new RefusedException(null, "declares no ringtree." + key + " line");
      }
    }
    if (declared.containsKey("connector") && !declared.get("connector").equals(name)) {
      throw new RefusedException(
          null, "ringtree.connector says " + declared.get("connector") + " but the route is " + id);
    }
    Duration timeout;
    try {
      timeout = Duration.ofMillis(Long.parseLong(declared.get("timeout-ms")));
    } catch (NumberFormatException e) {
      throw new RefusedException(null, "ringtree.timeout-ms is not a number of milliseconds");
    }
    if (timeout.toMillis() < 50 || timeout.toMillis() > 30_000) {
      throw new RefusedException(null, "ringtree.timeout-ms must be within 50..30000");
    }
    guard(route, name, timeout);
    return new Connector(
        name,
        id,
        description.strip(),
        list(declared.get("inputs")),
        list(declared.get("outputs")),
        timeout,
        file);
  }

  /**
   * Puts the route's steps inside a Resilience4j circuit breaker: the connector's timeout bounds
   * each call, and after repeated failures calls fail at once (the flow takes its error port) until
   * the breaker lets a trial call through.
   */
  static void guard(RouteDefinition route, String name, Duration timeout) {
    List<ProcessorDefinition<?>> steps = new ArrayList<>(route.getOutputs());
    route.getOutputs().clear();
    CircuitBreakerDefinition breaker = new CircuitBreakerDefinition();
    breaker.setId("breaker-" + name);
    Resilience4jConfigurationDefinition config = new Resilience4jConfigurationDefinition();
    config.setTimeoutEnabled("true");
    config.setTimeoutDuration(String.valueOf(timeout.toMillis()));
    config.setSlidingWindowSize("10");
    config.setMinimumNumberOfCalls("5");
    config.setFailureRateThreshold("50");
    config.setWaitDurationInOpenState("30");
    // an open breaker fails the call (the flow takes its error port) instead of answering the input
    config.setThrowExceptionWhenHalfOpenOrOpenState("true");
    breaker.setResilience4jConfiguration(config);
    for (ProcessorDefinition<?> step : steps) {
      breaker.addOutput(step);
    }
    route.addOutput(breaker);
  }

  /** A Java route's declarations: its {@code ringtree.*} route properties. */
  static Map<String, String> jarDeclarations(RouteDefinition route) {
    Map<String, String> out = new LinkedHashMap<>();
    if (route.getRouteProperties() != null) {
      for (org.apache.camel.model.PropertyDefinition p : route.getRouteProperties()) {
        if (p.getKey() != null && p.getKey().startsWith("ringtree.")) {
          out.putIfAbsent(p.getKey().substring("ringtree.".length()), p.getValue());
        }
      }
    }
    return out;
  }

  static Map<String, String> declarations(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = DECLARATION.matcher(line);
      if (m.matches()) {
        out.putIfAbsent(m.group(1), m.group(2));
      }
    }
    return out;
  }

  private static List<String> list(String csv) {
    List<String> out = new ArrayList<>();
    for (String s : csv.split(",")) {
      if (!s.isBlank() && !s.strip().equals("none")) {
        out.add(s.strip());
      }
    }
    return List.copyOf(out);
  }
}
