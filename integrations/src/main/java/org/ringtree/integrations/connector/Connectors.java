package org.ringtree.integrations.connector;

import java.util.regex.Pattern;

/** The naming contract between a flow's connector node and a Camel route. */
public final class Connectors {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private Connectors() {}

  /** A connector name is lower-case kebab-case: letters, digits and dashes, at most 63 chars. */
  public static boolean isValidName(String name) {
    return name != null && NAME.matcher(name).matches();
  }

  /** {@code connector-<name>}: the id the route must have. */
  public static String routeId(String name) {
    requireValidName(name);
    return "connector-" + name;
  }

  /** {@code direct:connector-<name>}: the endpoint the route must consume from. */
  public static String endpointUri(String name) {
    return "direct:" + routeId(name);
  }

  static void requireValidName(String name) {
    if (!isValidName(name)) {
      throw new IllegalArgumentException(
          "connector names are lower-case letters, digits and dashes (at most 63): '" + name + "'");
    }
  }
}
