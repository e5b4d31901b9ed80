package org.ringtree.runtime.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * Checks an API key and signs the request in as the key's user. A disabled user's keys stop working
 * at once; the password lock-out does not stop them, because a key cannot be guessed and anyone
 * could otherwise lock a machine client out by typing wrong passwords for its user.
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

  private final ApiKeyStore keys;
  private final UserAccounts accounts;

  ApiKeyAuthenticationProvider(ApiKeyStore keys, UserAccounts accounts) {
    this.keys = keys;
    this.accounts = accounts;
  }

  /**
   * Spring Security's generic authentication filter, fed by {@link
   * ApiKeyAuthentication#fromRequest} and this provider: requests without a key pass through
   * untouched; a bad key gets 401 at once.
   */
  static AuthenticationFilter filter(ApiKeyStore keys, UserAccounts accounts) {
    return filter(
        keys,
        accounts,
        (request, response, failure) -> {
          response.setHeader(
              "WWW-Authenticate", "Bearer realm=\"Ringtree\", error=\"invalid_token\"");
          response.sendError(HttpStatus.UNAUTHORIZED.value(), failure.getMessage());
        });
  }

  /** The same filter, a bad key answered by {@code onBadKey} (the bid endpoint's own shape). */
  static AuthenticationFilter filter(
      ApiKeyStore keys,
      UserAccounts accounts,
      org.springframework.security.web.authentication.AuthenticationFailureHandler onBadKey) {
    AuthenticationFilter filter =
        new AuthenticationFilter(
            new ProviderManager(new ApiKeyAuthenticationProvider(keys, accounts)),
            ApiKeyAuthentication::fromRequest);
    // nothing to redirect to: the request goes on to its endpoint as the key's user
    filter.setSuccessHandler((request, response, authentication) -> {});
    filter.setFailureHandler(onBadKey);
    return filter;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String key = ((ApiKeyAuthentication) attempt).presentedKey();
    String username =
        keys.authenticate(key)
            .orElseThrow(() -> new BadCredentialsException("unknown or revoked API key"));
    SignedInUser user = accounts.loadUserByUsername(username);
    if (!user.isEnabled()) {
      throw new DisabledException("the key's user is disabled");
    }
    return ApiKeyAuthentication.of(user);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return ApiKeyAuthentication.class.isAssignableFrom(authentication);
  }
}
