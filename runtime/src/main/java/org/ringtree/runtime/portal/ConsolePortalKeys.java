package org.ringtree.runtime.portal;

import java.time.Instant;
import java.util.List;
import org.ringtree.editor.portal.PortalKeysPort;
import org.ringtree.runtime.security.Account;
import org.ringtree.runtime.security.ApiKeyStore;
import org.ringtree.runtime.security.Role;
import org.ringtree.runtime.security.SignedInUser;
import org.ringtree.runtime.security.UserAccounts;
import org.springframework.security.access.AccessDeniedException;

/**
 * The portal user's own API keys through {@link ApiKeyStore}: the same rules (created by their
 * owner only, expiry in the future) and audit as {@code /api/users/me/api-keys}. The owner is the
 * signed-in user, whatever the page sends.
 */
@org.springframework.stereotype.Component
class ConsolePortalKeys implements PortalKeysPort {

  private final ApiKeyStore keys;

  ConsolePortalKeys(ApiKeyStore keys) {
    this.keys = keys;
  }

  @Override
  public List<Key> keys() {
    return keys.list(owner()).stream().map(ConsolePortalKeys::key).toList();
  }

  @Override
  public Issued create(String name, Instant expiresAt) {
    String owner = owner();
    try {
      ApiKeyStore.IssuedKey issued = keys.create(owner, name, expiresAt, owner);
      return new Issued(key(issued.key()), issued.secret());
    } catch (UserAccounts.UserRejectedException e) {
      throw new Refused(e.getMessage());
    }
  }

  @Override
  public Key revoke(String keyId) {
    String owner = owner();
    return keys.revoke(owner, keyId, owner)
        .map(ConsolePortalKeys::key)
        .orElseThrow(() -> new Refused("no such key among yours: " + keyId));
  }

  private static String owner() {
    Account a =
        SignedInUser.current()
            .map(SignedInUser::account)
            .orElseThrow(() -> new AccessDeniedException("the portal is used signed in"));
    if (a.role() != Role.PUBLISHER && a.role() != Role.BUYER) {
      throw new AccessDeniedException("portal keys are a publisher's or a buyer's");
    }
    return a.username();
  }

  private static Key key(ApiKeyStore.ApiKey k) {
    return new Key(k.id(), k.name(), k.createdAt(), k.expiresAt(), k.lastUsedAt(), k.revokedAt());
  }
}
