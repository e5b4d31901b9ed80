package org.ringtree.runtime.console;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.ringtree.editor.admin.UserAdminPort;
import org.ringtree.runtime.directory.DirectoryStore;
import org.ringtree.runtime.limits.SignInLimiter;
import org.ringtree.runtime.security.Account;
import org.ringtree.runtime.security.ApiKeyStore;
import org.ringtree.runtime.security.Role;
import org.ringtree.runtime.security.UserAccounts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The users screen over the services behind /api/users and its API keys: the same checks, the same
 * sentences when a change is refused. Admin only here as on those REST paths, whatever the screen
 * shows.
 */
@Component
@PreAuthorize("hasRole('ADMIN')")
class ConsoleUserAdmin implements UserAdminPort {

  private final UserAccounts accounts;
  private final ApiKeyStore keys;
  private final DirectoryStore directory;

  ConsoleUserAdmin(UserAccounts accounts, ApiKeyStore keys, DirectoryStore directory) {
    this.accounts = accounts;
    this.keys = keys;
    this.directory = directory;
  }

  @Override
  public List<UserRow> users() {
    return accounts.list().stream().map(ConsoleUserAdmin::row).toList();
  }

  @Override
  public List<Party> publishers() {
    return directory.snapshot(Set.of()).publishers().stream()
        .map(p -> new Party(p.id(), p.name()))
        .toList();
  }

  @Override
  public List<Party> buyers() {
    return directory.snapshot(Set.of()).buyers().stream()
        .map(b -> new Party(b.id(), b.name()))
        .toList();
  }

  @Override
  public UserRow create(UserDraft draft, String actor) {
    return refusals(
        () ->
            row(
                accounts.create(
                    new UserAccounts.UserForm(
                        draft.username(),
                        role(draft.role()),
                        draft.publisherId(),
                        draft.buyerId(),
                        draft.password()),
                    actor)));
  }

  @Override
  public UserRow change(UserDraft draft, String actor) {
    return refusals(
        () ->
            row(
                accounts.update(
                    draft.username(),
                    new UserAccounts.UserForm(
                        draft.username(),
                        role(draft.role()),
                        draft.publisherId(),
                        draft.buyerId(),
                        null),
                    null,
                    actor)));
  }

  @Override
  public UserRow setEnabled(String username, boolean enabled, String actor) {
    return refusals(
        () ->
            row(
                accounts.update(
                    username,
                    new UserAccounts.UserForm(username, null, null, null, null),
                    enabled,
                    actor)));
  }

  @Override
  public UserRow unlock(String username, String actor) {
    return refusals(() -> row(accounts.unlock(username, actor)));
  }

  @Override
  public void resetPassword(String username, String password, String actor) {
    refusals(
        () -> {
          accounts.setPassword(username, password, actor);
          return null;
        });
  }

  @Override
  public List<KeyRow> keys(String username) {
    return refusals(() -> keys.list(username).stream().map(ConsoleUserAdmin::key).toList());
  }

  @Override
  public IssuedKey createKey(String username, String name, Instant expiresAt, String actor) {
    return refusals(
        () -> {
          ApiKeyStore.IssuedKey issued = keys.create(username, name, expiresAt, actor);
          return new IssuedKey(key(issued.key()), issued.secret());
        });
  }

  @Override
  public KeyRow revokeKey(String username, String keyId, String actor) {
    return refusals(
        () ->
            keys.revoke(username, keyId, actor)
                .map(ConsoleUserAdmin::key)
                .orElseThrow(() -> new Refused(Field.NONE, "no such key " + keyId)));
  }

  /** The service's refusal, with the form field its sentence is about. */
  static Field fieldOf(String message) {
    String m = message.toLowerCase(java.util.Locale.ROOT);
    if (m.contains("expiresat")) {
      return Field.KEY_EXPIRY;
    }
    if (m.contains("key's name")) {
      return Field.KEY_NAME;
    }
    if (m.contains("password")) {
      return Field.PASSWORD;
    }
    // "a buyer user needs buyerId (and no publisherId)": the id it needs is the field to fix
    if (m.contains("needs publisherid")) {
      return Field.PUBLISHER;
    }
    if (m.contains("needs buyerid")) {
      return Field.BUYER;
    }
    if (m.contains("role") || m.contains("demote")) {
      return Field.ROLE;
    }
    if (m.contains("user ") || m.contains("username")) {
      return Field.USERNAME;
    }
    return Field.NONE;
  }

  private static <T> T refusals(java.util.function.Supplier<T> change) {
    try {
      return change.get();
    } catch (UserAccounts.UserRejectedException e) {
      throw new Refused(fieldOf(e.getMessage()), e.getMessage());
    } catch (UsernameNotFoundException e) {
      throw new Refused(Field.USERNAME, "no such user");
    }
  }

  private static Role role(String name) {
    if (name == null) {
      return null;
    }
    try {
      return Role.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new Refused(Field.ROLE, "role must be one of " + List.of(Role.values()));
    }
  }

  private static UserRow row(Account a) {
    return new UserRow(
        a.username(),
        a.role().name(),
        a.publisherId(),
        a.buyerId(),
        a.enabled(),
        a.signInLocks().stream().map(SignInLimiter.Lock::address).toList(),
        a.createdAt());
  }

  private static KeyRow key(ApiKeyStore.ApiKey k) {
    return new KeyRow(
        k.id(),
        k.name(),
        k.createdAt(),
        k.createdBy(),
        k.expiresAt(),
        k.lastUsedAt(),
        k.revokedAt(),
        k.revokedBy());
  }
}
