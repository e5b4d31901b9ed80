package org.ringtree.runtime.flow;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.ringtree.rules.compiler.CompiledFlow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Camel routes the compiler generated for a version (one per connector node, ids {@code
 * ringtree-<version>-<node>}): loaded into the Camel context when the version is built, removed
 * when the version is dropped. Connector nodes run through them, so the YAML a reviewer downloads
 * is the route that runs.
 */
@Component
public class VersionRoutes {

  private static final Logger log = LoggerFactory.getLogger(VersionRoutes.class);
  private static final String DIRECT = "direct:";

  private final CamelContext camel;

  VersionRoutes(CamelContext camel) {
    this.camel = camel;
  }

  /** The route ids a version's connector nodes run through, sorted. */
  public static Set<String> routeIds(CompiledFlow c) {
    Set<String> ids = new TreeSet<>();
    for (String endpoint : c.connectorEndpoints().values()) {
      ids.add(endpoint.startsWith(DIRECT) ? endpoint.substring(DIRECT.length()) : endpoint);
    }
    return ids;
  }

  /** Loads the version's routes unless they are there already. */
  void load(CompiledFlow c) {
    if (!loaded(c)) {
      loadNow(c);
    }
  }

  private boolean loaded(CompiledFlow c) {
    return routeIds(c).stream().allMatch(id -> camel.getRoute(id) != null);
  }

  private synchronized void loadNow(CompiledFlow c) {
    Set<String> ids = routeIds(c);
    if (loaded(c)) {
      return;
    }
    unload(c); // a half-loaded version is loaded again whole
    try {
      PluginHelper.getRoutesLoader(camel)
          .loadRoutes(
              ResourceHelper.fromString("ringtree-" + c.versionKey() + ".yaml", c.camelYaml()));
    } catch (Exception e) {
      unload(c);
      throw new IllegalStateException(
          "version " + c.versionKey() + ": its generated Camel routes do not load: " + e, e);
    }
    log.info("Loaded the Camel routes of flow version {}: {}", c.versionKey(), ids);
  }

  /** Stops and removes the version's routes; returns the ids removed. */
  synchronized List<String> unload(CompiledFlow c) {
    List<String> removed = new java.util.ArrayList<>();
    for (String id : routeIds(c)) {
      if (camel.getRoute(id) == null) {
        continue;
      }
      try {
        camel.getRouteController().stopRoute(id);
        camel.removeRoute(id);
        removed.add(id);
      } catch (Exception e) {
        log.warn("Cannot remove route {} of flow version {}", id, c.versionKey(), e);
      }
    }
    return removed;
  }
}
