package org.ringtree.runtime.security;

import java.time.Instant;

/**
 * A user as the API shows it: never the password hash. {@code publisherId} / {@code buyerId} link a
 * portal user to the one party whose data it may see.
 */
public record Account(
    String username,
    Role role,
    String publisherId,
    String buyerId,
    boolean enabled,
    int failedAttempts,
    Instant lockedUntil,
    Instant createdAt) {

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
