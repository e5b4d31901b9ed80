package org.ringtree.runtime.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;

/**
 * Role checks on service methods ({@code @PreAuthorize}), so a screen calling a service directly is
 * held to the same roles as the REST paths in front of it.
 */
@Configuration
@EnableMethodSecurity
class MethodSecurityConfiguration {}
