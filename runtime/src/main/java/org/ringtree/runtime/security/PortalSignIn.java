package org.ringtree.runtime.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * How the portal chain tells its two kinds of request apart. A request that carries its own
 * credentials (HTTP Basic, an API key as Bearer or X-Api-Key) is judged on them alone: the session
 * is not even read, so a stale or someone else's cookie never stands in for a wrong password, and
 * it needs no CSRF token because a cross-site page cannot set those headers. Any other request is
 * signed in by the console's session, if any, and an unsafe one must carry the session's CSRF
 * token.
 */
final class PortalSignIn {

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  private PortalSignIn() {}

  /** True when the request brings credentials the API chain's filters check themselves. */
  static boolean ownCredentials(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null
        && (authorization.regionMatches(true, 0, "Basic ", 0, 6)
            || authorization.regionMatches(true, 0, "Bearer ", 0, 7))) {
      return true;
    }
    return request.getHeader(ApiKeyAuthentication.HEADER) != null;
  }

  static boolean csrfRequired(HttpServletRequest request) {
    return !SAFE.contains(request.getMethod()) && !ownCredentials(request);
  }

  /** The session's sign-in for session requests; nothing but the request itself otherwise. */
  static SecurityContextRepository contexts() {
    SecurityContextRepository session = new HttpSessionSecurityContextRepository();
    SecurityContextRepository request = new RequestAttributeSecurityContextRepository();
    return new SecurityContextRepository() {
      private SecurityContextRepository pick(HttpServletRequest r) {
        return ownCredentials(r) ? request : session;
      }

      @Override
      public DeferredSecurityContext loadDeferredContext(HttpServletRequest r) {
        return pick(r).loadDeferredContext(r);
      }

      @Override
      @Deprecated
      public SecurityContext loadContext(
          org.springframework.security.web.context.HttpRequestResponseHolder holder) {
        return pick(holder.getRequest()).loadContext(holder);
      }

      @Override
      public void saveContext(
          SecurityContext context, HttpServletRequest r, HttpServletResponse response) {
        request.saveContext(context, r, response);
      }

      @Override
      public boolean containsContext(HttpServletRequest r) {
        return pick(r).containsContext(r);
      }
    };
  }
}
