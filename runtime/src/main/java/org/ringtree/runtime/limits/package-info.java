/**
 * Abuse limits in front of everything else: request rates per client address (and per signed-in
 * user on the REST API) with Bucket4j, answered {@code 429} with {@code Retry-After}; sign-in
 * lock-out per client address and username, so guessing from one address never locks the account
 * out elsewhere; and request body sizes, answered {@code 413}. All counters live in memory on each
 * node (docs/security.md, "Abuse limits").
 */
package org.ringtree.runtime.limits;
