/**
 * The P&L dashboard: the network's money and calls per period, with charts, pushed as calls end.
 */
package org.ringtree.editor.dashboard;
