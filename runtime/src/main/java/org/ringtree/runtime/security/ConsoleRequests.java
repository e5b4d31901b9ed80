package org.ringtree.runtime.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The console's framework requests: Vaadin's static bundle and its in-page requests (UI start,
 * server round-trips, heartbeats, downloads), which carry a {@code v-r} query parameter. They are
 * let through without a sign-in because Vaadin answers them only within a session whose views were
 * already checked, and every view checks the signed-in role itself; page loads of the screens need
 * the sign-in.
 */
final class ConsoleRequests {

  static final String[] STATIC = {"/VAADIN/**"};

  private ConsoleRequests() {}

  static final RequestMatcher FRAMEWORK = ConsoleRequests::isFrameworkRequest;

  static boolean isFrameworkRequest(HttpServletRequest request) {
    String query = request.getQueryString();
    return query != null && (query.startsWith("v-r=") || query.contains("&v-r="));
  }
}
