package org.ringtree.editor.shell;

import java.util.Set;

/**
 * The person using the console: the username every stored change is attributed to, and the roles
 * that decide what the screens offer. The platform checks the same roles again behind every port.
 */
public record Viewer(String username, Set<String> roles) {

  public static final String ADMIN = "ADMIN";
  public static final String OPERATOR = "OPERATOR";
  public static final String COMPLIANCE = "COMPLIANCE";
  public static final String PUBLISHER = "PUBLISHER";
  public static final String BUYER = "BUYER";

  /** Every role the console knows, in the order they are named to people. */
  static final java.util.List<String> ALL =
      java.util.List.of(ADMIN, OPERATOR, COMPLIANCE, PUBLISHER, BUYER);

  public Viewer {
    roles = Set.copyOf(roles);
  }

  public boolean hasAnyRole(String... wanted) {
    for (String role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  public boolean mayEditFlows() {
    return hasAnyRole(ADMIN, OPERATOR);
  }

  public boolean mayReadReviews() {
    return hasAnyRole(ADMIN, OPERATOR, COMPLIANCE);
  }

  public boolean mayDecide() {
    return hasAnyRole(ADMIN, COMPLIANCE);
  }

  public boolean mayPublish() {
    return hasAnyRole(ADMIN, OPERATOR);
  }

  public boolean mayChangeSettings() {
    return roles.contains(ADMIN);
  }

  /** "operator (operator)", "ann (admin, compliance)". */
  public String describe() {
    return username
        + " ("
        + String.join(", ", ALL.stream().filter(roles::contains).map(r -> r.toLowerCase()).toList())
        + ")";
  }
}
