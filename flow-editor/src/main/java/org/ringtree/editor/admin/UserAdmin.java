package org.ringtree.editor.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * What the users screen decides before and after it calls the platform: blank inputs become
 * "absent", a link is kept only for the role that uses it, a refusal is turned into the field to
 * mark, and a key's expiry date means the end of that day where the admin is.
 */
public final class UserAdmin {

  /** The outcome of a change: the value, or the field at fault and the platform's sentence. */
  public record Outcome<T>(T value, UserAdminPort.Field field, String problem) {

    static <T> Outcome<T> done(T value) {
      return new Outcome<>(value, null, null);
    }

    static <T> Outcome<T> refused(UserAdminPort.Refused refused) {
      return new Outcome<>(null, refused.field(), refused.getMessage());
    }

    public boolean ok() {
      return problem == null;
    }
  }

  private final UserAdminPort port;
  private final String actor;

  public UserAdmin(UserAdminPort port, String actor) {
    this.port = port;
    this.actor = actor;
  }

  public String actor() {
    return actor;
  }

  /** A draft as the form holds it, cleaned: the link that does not fit the role is dropped. */
  public static UserAdminPort.UserDraft draft(
      String username, String role, String publisherId, String buyerId, String password) {
    return new UserAdminPort.UserDraft(
        blankToNull(username),
        blankToNull(role),
        "PUBLISHER".equals(role) ? blankToNull(publisherId) : null,
        "BUYER".equals(role) ? blankToNull(buyerId) : null,
        password == null || password.isEmpty() ? null : password);
  }

  public Outcome<UserAdminPort.UserRow> create(UserAdminPort.UserDraft draft) {
    return attempt(() -> port.create(draft, actor));
  }

  public Outcome<UserAdminPort.UserRow> change(UserAdminPort.UserDraft draft) {
    return attempt(() -> port.change(draft, actor));
  }

  public Outcome<UserAdminPort.UserRow> setEnabled(String username, boolean enabled) {
    return attempt(() -> port.setEnabled(username, enabled, actor));
  }

  public Outcome<UserAdminPort.UserRow> unlock(String username) {
    return attempt(() -> port.unlock(username, actor));
  }

  public Outcome<String> resetPassword(String username, String password) {
    return attempt(
        () -> {
          port.resetPassword(username, password, actor);
          return username;
        });
  }

  /** Why the signed-in admin may not create keys for {@code username}, or empty when they may. */
  public Optional<String> whyNoNewKey(String username) {
    if (actor.equals(username)) {
      return Optional.empty();
    }
    return Optional.of(
        "An API key is created by its owner: "
            + username
            + " signs in and creates their own. You can list and revoke their keys here.");
  }

  public Outcome<UserAdminPort.IssuedKey> createKey(
      String username, String name, LocalDate expires, ZoneId zone) {
    return attempt(() -> port.createKey(username, blankToNull(name), endOf(expires, zone), actor));
  }

  public Outcome<UserAdminPort.KeyRow> revokeKey(String username, String keyId) {
    return attempt(() -> port.revokeKey(username, keyId, actor));
  }

  /** A key that "expires on" a day works through that whole day in the admin's time zone. */
  static Instant endOf(LocalDate day, ZoneId zone) {
    return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
  }

  private static <T> Outcome<T> attempt(java.util.function.Supplier<T> action) {
    try {
      return Outcome.done(action.get());
    } catch (UserAdminPort.Refused refused) {
      return Outcome.refused(refused);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
