package org.ringtree.runtime.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/** The principal of a signed-in request: the account, its role and its portal link. */
public final class SignedInUser implements UserDetails {

  private final Account account;
  private final String passwordHash;

  SignedInUser(Account account, String passwordHash) {
    this.account = account;
    this.passwordHash = passwordHash;
  }

  public Account account() {
    return account;
  }

  public Role role() {
    return account.role();
  }

  /** The user signed in on this thread, if any. */
  public static Optional<SignedInUser> current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof SignedInUser u
        ? Optional.of(u)
        : Optional.empty();
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority(account.role().authority()));
  }

  @Override
  public String getPassword() {
    return passwordHash;
  }

  @Override
  public String getUsername() {
    return account.username();
  }

  @Override
  public boolean isEnabled() {
    return account.enabled();
  }

  @Override
  public String toString() {
    return "SignedInUser[" + account.username() + ", " + account.role() + "]";
  }
}
