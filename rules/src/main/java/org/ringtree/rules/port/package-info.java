/**
 * Ports the operator console needs from the platform: editing and publishing flows, looking up the
 * directory for select lists, and simulating calls. The runtime implements them; the editor only
 * ever sees these interfaces.
 */
package org.ringtree.rules.port;
