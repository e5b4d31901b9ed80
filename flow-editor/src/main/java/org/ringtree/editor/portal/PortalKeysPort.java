package org.ringtree.editor.portal;

import java.time.Instant;
import java.util.List;

/**
 * The signed-in portal user's own API keys, for its own integrations: the same service, rules and
 * audit as {@code /api/users/me/api-keys}. The user is always the one signed in.
 */
public interface PortalKeysPort {

  record Key(
      String id,
      String name,
      Instant createdAt,
      Instant expiresAt,
      Instant lastUsedAt,
      Instant revokedAt) {

    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /** A new key and its secret: shown once, never stored in the clear. */
  record Issued(Key key, String secret) {}

  /** A change the platform refused, in the REST API's words. */
  final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  List<Key> keys();

  /** {@code expiresAt} null: until revoked. */
  Issued create(String name, Instant expiresAt);

  Key revoke(String keyId);
}
