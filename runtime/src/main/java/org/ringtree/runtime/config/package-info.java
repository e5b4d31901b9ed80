/**
 * The platform's settings (ringtree.*), checked at start-up with a clear message for each bad
 * value, and the outbound address policy built from them.
 */
package org.ringtree.runtime.config;
