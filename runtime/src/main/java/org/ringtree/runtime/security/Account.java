package org.ringtree.runtime.security;

import java.time.Instant;
import java.util.List;
import org.ringtree.runtime.limits.SignInLimiter;

/**
 * A user as the API shows it: never the password hash. {@code publisherId} / {@code buyerId} link a
 * portal user to the one party whose data it may see. {@code signInLocks}: the client addresses
 * this user is refused sign-in from after failed attempts there (on this node), and until when.
 */
public record Account(
    String username,
    Role role,
    String publisherId,
    String buyerId,
    boolean enabled,
    List<SignInLimiter.Lock> signInLocks,
    Instant createdAt) {}
