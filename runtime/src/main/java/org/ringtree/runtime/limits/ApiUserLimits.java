package org.ringtree.runtime.limits;

import jakarta.servlet.Filter;
import java.util.function.Function;
import org.springframework.security.core.Authentication;

/**
 * The REST API's requests per second per credential ({@code ringtree.limits.api-per-second-per-
 * user}). Its filter belongs inside the API's security chain, after authentication; it is not a
 * bean, so the servlet container does not also run it in front of every request.
 */
public final class ApiUserLimits {

  private final KeyedBuckets perCredential;

  ApiUserLimits(KeyedBuckets perCredential) {
    this.perCredential = perCredential;
  }

  /** A filter counting each authenticated request against the credential {@code name} gives. */
  public Filter filter(Function<Authentication, String> name) {
    return new UserRateLimitFilter(perCredential, name);
  }
}
