package org.ringtree.runtime.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ringtree.security.*}: how many wrong passwords in a row lock an account and for how long,
 * and an optional first admin password for a new production database (RINGTREE_ADMIN_PASSWORD),
 * used only while no admin exists.
 */
@ConfigurationProperties("ringtree.security")
public record SecuritySettings(
    @DefaultValue("5") int maxFailedAttempts,
    @DefaultValue("15m") Duration lockout,
    @DefaultValue("") String adminPassword) {}
