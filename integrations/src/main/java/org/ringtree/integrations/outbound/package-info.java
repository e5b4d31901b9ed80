/**
 * Outbound HTTP (buyers' RTB pings, publishers' postbacks, connectors): which addresses Ringtree
 * may call, enforced where the HTTP client resolves host names.
 */
package org.ringtree.integrations.outbound;
