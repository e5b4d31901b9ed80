package org.ringtree.runtime.security;

import org.ringtree.runtime.limits.ClientAddress;
import org.ringtree.runtime.limits.SignInLimiter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks passwords through Spring Security's own provider and counts the outcome per client address
 * and username: a wrong password adds a failure there (locking that username from that address at
 * the limit), a right one clears that count. A username locked from the caller's address is refused
 * before its password is even checked; from any other address it signs in as usual, so guessing
 * cannot lock anyone out. (limits.RateLimitFilter answers such attempts 429 before they get here;
 * this is the same rule where the password is checked.)
 */
final class LockingAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final SignInLimiter signIns;
  private final UserAccounts accounts;

  LockingAuthenticationProvider(
      AuthenticationProvider passwords, SignInLimiter signIns, UserAccounts accounts) {
    this.passwords = passwords;
    this.signIns = signIns;
    this.accounts = accounts;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String address = addressOf(attempt);
    String username = attempt.getName();
    if (!signIns.refusedFor(address, username).isZero()) {
      throw new LockedException("too many failed sign-ins from this address; try again later");
    }
    try {
      Authentication result = passwords.authenticate(attempt);
      signIns.recordSuccess(address, username);
      return result;
    } catch (BadCredentialsException wrong) {
      SignInLimiter.Failure failure = signIns.recordFailure(address, username);
      if (failure.locked()) {
        accounts.recordLock(username, address, failure.until());
      }
      throw wrong;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }

  /** The client address the sign-in came from, as the filters put it in the details. */
  private static String addressOf(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails web
        ? ClientAddress.key(web.getRemoteAddress())
        : ClientAddress.key(null);
  }
}
