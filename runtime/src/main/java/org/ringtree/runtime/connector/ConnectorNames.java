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

  ConnectorNames(CamelContext camel) {
    this.camel = camel;
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
