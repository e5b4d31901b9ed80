package org.ringtree.runtime.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A request authenticated by an API key: before checking, it holds the presented key; after, the
 * user the key acts as (so {@code getName()} is that username, which the audit log records).
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

  /** The header for clients that cannot set {@code Authorization: Bearer}. */
  static final String HEADER = "X-Api-Key";

  private static final String BEARER = "Bearer ";

  private final String presentedKey;
  private final SignedInUser user;

  private ApiKeyAuthentication(String presentedKey, SignedInUser user) {
    super(user == null ? List.of() : user.getAuthorities());
    this.presentedKey = presentedKey;
    this.user = user;
    setAuthenticated(user != null);
  }

  /**
   * The key a request carries in {@code Authorization: Bearer …} or {@value #HEADER}, not yet
   * checked; null when it carries none (HTTP Basic or nothing), so the other sign-ins get their
   * turn.
   */
  static ApiKeyAuthentication fromRequest(HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return new ApiKeyAuthentication(authorization.substring(BEARER.length()).strip(), null);
    }
    String header = request.getHeader(HEADER);
    return header == null ? null : new ApiKeyAuthentication(header.strip(), null);
  }

  static ApiKeyAuthentication of(SignedInUser user) {
    return new ApiKeyAuthentication(null, user);
  }

  String presentedKey() {
    return presentedKey;
  }

  @Override
  public Object getCredentials() {
    return presentedKey;
  }

  @Override
  public Object getPrincipal() {
    return user;
  }
}
