/**
 * Sign-in and roles: users with hashed passwords (DelegatingPasswordEncoder, bcrypt), the five
 * roles, lock-out per client address after repeated failures (limits.SignInLimiter), HTTP Basic or
 * an API key (SHA-256 hashed, per user) for the whole REST API and a form login with CSRF and
 * hardened session cookies for browsers; the demo users and the production check that refuses their
 * passwords. Which paths are protected is in {@link
 * org.ringtree.runtime.security.SecurityConfiguration} and docs/compliance.md.
 */
package org.ringtree.runtime.security;
