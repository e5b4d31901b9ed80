package org.ringtree.runtime.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets (before the webhook signature check and Spring Security):
 * takes a token from its client address's bucket for its kind of path, and refuses sign-in attempts
 * (HTTP Basic on any path, {@code POST /login}) from an address that is locked out for that
 * username or has failed too often. Refusals are {@code 429} with {@code Retry-After}.
 */
final class RateLimitFilter extends OncePerRequestFilter {

  private static final String BASIC = "Basic ";

  private final KeyedBuckets webhooks;
  private final KeyedBuckets conversions;
  private final KeyedBuckets api;
  private final SignInLimiter signIns;

  RateLimitFilter(
      KeyedBuckets webhooks, KeyedBuckets conversions, KeyedBuckets api, SignInLimiter signIns) {
    this.webhooks = webhooks;
    this.conversions = conversions;
    this.api = api;
    this.signIns = signIns;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String address = ClientAddress.key(request.getRemoteAddr());
    LimitedPaths.Kind kind = LimitedPaths.kind(request);
    Duration wait =
        switch (kind) {
          case WEBHOOK -> webhooks.take(address);
          case CONVERSION -> conversions.take(address);
          case API -> api.take(address);
          case SIGN_IN_FORM, OTHER -> Duration.ZERO;
        };
    if (!wait.isZero()) {
      Refusals.tooManyRequests(
          response, wait, "too many " + noun(kind) + " requests from this address");
      return;
    }
    String username = signInName(request, kind);
    if (username != null) {
      Duration refused = signIns.refusedFor(address, username);
      if (!refused.isZero()) {
        Refusals.tooManyRequests(response, refused, "too many failed sign-ins from this address");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** The username a request tries to sign in as, or null when it is no sign-in attempt. */
  private static String signInName(HttpServletRequest request, LimitedPaths.Kind kind) {
    if (kind == LimitedPaths.Kind.WEBHOOK) {
      return null;
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? decoded : decoded.substring(0, colon);
      } catch (IllegalArgumentException e) {
        return null; // not Base64: Spring Security refuses it
      }
    }
    if (kind == LimitedPaths.Kind.SIGN_IN_FORM) {
      String username = request.getParameter("username");
      return username == null ? "" : username;
    }
    return null;
  }

  private static String noun(LimitedPaths.Kind kind) {
    return switch (kind) {
      case WEBHOOK -> "webhook";
      case CONVERSION -> "conversion postback";
      default -> "API";
    };
  }
}
