package org.ringtree.runtime.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Checks passwords through Spring Security's own provider and counts the outcome: a wrong password
 * adds a failure (locking the account at the limit), a right one clears the count. A locked account
 * is refused before its password is even checked.
 */
final class LockingAuthenticationProvider implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final UserAccounts accounts;

  LockingAuthenticationProvider(AuthenticationProvider passwords, UserAccounts accounts) {
    this.passwords = passwords;
    this.accounts = accounts;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    try {
      Authentication result = passwords.authenticate(attempt);
      accounts.recordSuccess(attempt.getName());
      return result;
    } catch (BadCredentialsException wrong) {
      accounts.recordFailure(attempt.getName());
      throw wrong;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }
}
