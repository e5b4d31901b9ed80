package org.ringtree.rules.engine;

/**
 * The names the compiler gives its routing DMN model and decision (see the compiler's DmnWriter).
 */
public final class DmnNames {
  public static final String ROUTING_NS = "https://ringtree.org/dmn/routing";
  public static final String ROUTING_NAME = "ringtree-routing";
  public static final String ROUTING_DECISION = "Routing policy";

  private DmnNames() {}
}
