package org.ringtree.integrations.connector;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * Loads a connector written in Camel's YAML DSL into a running Camel context, replacing an earlier
 * version of the same name. The YAML must define exactly one route, {@code connector-<name>},
 * consuming from {@code direct:connector-<name>}; anything else is removed again and refused.
 *
 * <p>A YAML route can call any Camel endpoint on the classpath: loading one is an administrator's
 * act, like deploying code, not something an operator's flow text can do.
 */
public final class YamlConnectorLoader {

  private final CamelContext camel;

  public YamlConnectorLoader(CamelContext camel) {
    this.camel = Objects.requireNonNull(camel, "camel");
  }

  /**
   * Loads (or replaces) connector {@code name} from {@code yaml}. If the new YAML is refused, the
   * connector is left unloaded.
   *
   * @throws IllegalArgumentException naming what is wrong with the name or the YAML
   * @throws IllegalStateException if the Camel context is not started
   */
  public synchronized void load(String name, String yaml) {
    Connectors.requireValidName(name);
    if (!camel.isStarted()) {
      throw new IllegalStateException("load connectors into a started Camel context");
    }
    unload(name);
    String routeId = Connectors.routeId(name);
    Set<String> before = routeIds();
    try {
      PluginHelper.getRoutesLoader(camel)
          .loadRoutes(ResourceHelper.fromString(routeId + ".yaml", yaml));
    } catch (Exception e) {
      removeAddedSince(before);
      throw new IllegalArgumentException(
          "connector " + name + ": the YAML route cannot be loaded: " + rootMessage(e), e);
    }
    Set<String> added = new HashSet<>(routeIds());
    added.removeAll(before);
    if (!added.equals(Set.of(routeId))) {
      removeAddedSince(before);
      throw new IllegalArgumentException(
          "connector "
              + name
              + ": the YAML must define exactly one route with id "
              + routeId
              + ", it defined "
              + added);
    }
    Route route = camel.getRoute(routeId);
    String from = route.getEndpoint().getEndpointUri();
    if (!from.equals("direct://" + routeId) && !from.equals("direct:" + routeId)) {
      removeAddedSince(before);
      throw new IllegalArgumentException(
          "connector "
              + name
              + ": the route must consume from direct:"
              + routeId
              + ", not "
              + from);
    }
  }

  /** Stops and removes connector {@code name}; false if it was not loaded. */
  public synchronized boolean unload(String name) {
    String routeId = Connectors.routeId(name);
    if (camel.getRoute(routeId) == null) {
      return false;
    }
    remove(routeId);
    return true;
  }

  private Set<String> routeIds() {
    return camel.getRoutes().stream().map(Route::getRouteId).collect(Collectors.toSet());
  }

  private void removeAddedSince(Set<String> before) {
    for (String id : routeIds()) {
      if (!before.contains(id)) {
        remove(id);
      }
    }
  }

  private void remove(String routeId) {
    try {
      camel.getRouteController().stopRoute(routeId);
      camel.removeRoute(routeId);
    } catch (Exception e) {
      throw new IllegalStateException("cannot remove route " + routeId, e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    String one = m.replaceAll("\\s+", " ").strip();
    return one.length() > 300 ? one.substring(0, 300) + "…" : one;
  }
}
