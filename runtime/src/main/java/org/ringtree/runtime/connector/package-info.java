/**
 * Connectors on this node: which are loaded (the editor's list and the flow validation use it), and
 * the connectors directory that loads them from files at start-up and on change.
 */
package org.ringtree.runtime.connector;
