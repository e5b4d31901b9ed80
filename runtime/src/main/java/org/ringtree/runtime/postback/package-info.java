/**
 * Postbacks: buyers' conversion postbacks in (per-buyer key) and publishers' postbacks out through
 * the integrations sender, with every attempt logged and dead letters operators can retry.
 */
package org.ringtree.runtime.postback;
