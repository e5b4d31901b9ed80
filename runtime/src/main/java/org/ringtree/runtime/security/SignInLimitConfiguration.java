package org.ringtree.runtime.security;

import java.time.Clock;
import java.util.Optional;
import org.ringtree.runtime.limits.LimitSettings;
import org.ringtree.runtime.limits.SignInLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The sign-in lock-out per client address and username: {@code ringtree.security.max-failed-
 * attempts} wrong passwords in a row lock for {@code ringtree.security.lockout}; also in contexts
 * without a web server, where admins may still unlock.
 */
@Configuration(proxyBeanMethods = false)
class SignInLimitConfiguration {

  @Bean
  SignInLimiter signInLimiter(
      SecuritySettings security, LimitSettings limits, Optional<Clock> clock) {
    return new SignInLimiter(
        security.maxFailedAttempts(), security.lockout(), limits, clock.orElse(Clock.systemUTC()));
  }
}
