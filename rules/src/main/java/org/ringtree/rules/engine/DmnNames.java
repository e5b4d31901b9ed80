package org.ringtree.rules.engine;

/**
 * The names the compiler gives its routing DMN model and decision (see the compiler's DmnWriter).
 */
final class DmnNames {
  static final String ROUTING_NS = "https://ringtree.org/dmn/routing";
  static final String ROUTING_NAME = "ringtree-routing";
  static final String ROUTING_DECISION = "Routing policy";

  private DmnNames() {}
}
