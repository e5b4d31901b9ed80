package org.ringtree.rules.compiler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Camel route a node compiles to: the exchange properties it sets (constants, in this order,
 * after {@code ringtree.nodeId}), the endpoint it sends to, and the sentence for the rule index.
 * The compiler names the route and its {@code direct:} endpoint after the version and the node.
 */
public record CamelRoute(Map<String, String> properties, String to, String description) {

  public CamelRoute {
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
