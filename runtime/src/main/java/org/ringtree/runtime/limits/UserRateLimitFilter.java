package org.ringtree.runtime.limits;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST API's limit per credential, taken after the credentials were checked: counting before
 * would let anyone spend the admin's allowance by sending the admin's name with a wrong password.
 * The credential is named by the security configuration (a password user, or the user an API key
 * acts for), so a script's key and its user's own sign-in are counted apart.
 */
final class UserRateLimitFilter extends OncePerRequestFilter {

  private final KeyedBuckets perUser;
  private final Function<Authentication, String> credential;

  UserRateLimitFilter(KeyedBuckets perUser, Function<Authentication, String> credential) {
    this.perUser = perUser;
    this.credential = credential;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.isAuthenticated()) {
      Duration wait = perUser.take(credential.apply(auth));
      if (!wait.isZero()) {
        Refusals.tooManyRequests(response, wait, "too many API requests with this credential");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
