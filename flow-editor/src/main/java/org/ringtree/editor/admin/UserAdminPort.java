package org.ringtree.editor.admin;

import java.time.Instant;
import java.util.List;

/**
 * Users and their API keys, as the REST API under /api/users manages them: the same rules, the same
 * words when a change is refused. Every change names the admin making it ({@code actor}).
 */
public interface UserAdminPort {

  /** The roles a user may have, in the order they are offered. */
  List<String> ROLES = List.of("ADMIN", "OPERATOR", "COMPLIANCE", "PUBLISHER", "BUYER");

  /** A user as the grid shows it; {@code lockedFrom} lists client addresses refused sign-in. */
  record UserRow(
      String username,
      String role,
      String publisherId,
      String buyerId,
      boolean enabled,
      List<String> lockedFrom,
      Instant createdAt) {

    public boolean locked() {
      return !lockedFrom.isEmpty();
    }
  }

  /** A new user, or the changed role and link of an existing one (password only when creating). */
  record UserDraft(
      String username, String role, String publisherId, String buyerId, String password) {}

  /** A publisher or buyer a portal user can be linked to. */
  record Party(String id, String name) {}

  record KeyRow(
      String id,
      String name,
      Instant createdAt,
      String createdBy,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt,
      String revokedBy) {

    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /** A new key with its secret: shown once, never stored in the clear. */
  record IssuedKey(KeyRow key, String secret) {}

  /** The form field a refusal is about, so the screen can mark it. */
  enum Field {
    USERNAME,
    ROLE,
    PUBLISHER,
    BUYER,
    PASSWORD,
    KEY_NAME,
    KEY_EXPIRY,
    NONE
  }

  /** A change the platform refused; the message is the REST API's, {@code field} its subject. */
  final class Refused extends RuntimeException {
    private final Field field;

    public Refused(Field field, String message) {
      super(message);
      this.field = field;
    }

    public Field field() {
      return field;
    }
  }

  List<UserRow> users();

  List<Party> publishers();

  List<Party> buyers();

  UserRow create(UserDraft draft, String actor);

  /** Changes role and portal link. */
  UserRow change(UserDraft draft, String actor);

  UserRow setEnabled(String username, boolean enabled, String actor);

  /** Lifts every sign-in lock of the user. */
  UserRow unlock(String username, String actor);

  void resetPassword(String username, String password, String actor);

  List<KeyRow> keys(String username);

  /** Only the owner creates their keys (an admin who could mint one could act as that user). */
  IssuedKey createKey(String username, String name, Instant expiresAt, String actor);

  KeyRow revokeKey(String username, String keyId, String actor);
}
