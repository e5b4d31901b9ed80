package org.ringtree.runtime.connector;

import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.springframework.stereotype.Component;

/** The connectors this node can call: Camel routes named {@code connector-<name>}. */
@Component
public class ConnectorNames {

  private static final String PREFIX = "connector-";
  private final CamelContext camel;
  private final ConnectorFiles files;

  ConnectorNames(CamelContext camel, ConnectorFiles files) {
    this.camel = camel;
    this.files = files;
  }

  /** What the editor shows next to a connector: its declared description, or its route id. */
  public String describe(String name) {
    return files.loaded().stream()
        .filter(c -> c.name().equals(name))
        .map(c -> c.description() + " (" + c.timeout().toMillis() + " ms)")
        .findFirst()
        .orElse(PREFIX + name);
  }

  /** The names of the loaded connectors, sorted. */
  public Set<String> all() {
    Set<String> out = new TreeSet<>();
    for (Route r : camel.getRoutes()) {
      if (r.getRouteId() != null && r.getRouteId().startsWith(PREFIX)) {
        out.add(r.getRouteId().substring(PREFIX.length()));
      }
    }
    return out;
  }
}
