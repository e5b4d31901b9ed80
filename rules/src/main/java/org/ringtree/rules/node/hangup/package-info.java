/** The hang-up node: ends the call, optionally after a goodbye. */
package org.ringtree.rules.node.hangup;
