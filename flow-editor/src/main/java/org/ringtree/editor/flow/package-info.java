/**
 * The flow editor: a React Flow canvas, property forms generated from the node catalog, validation,
 * versions and diffs, simulation and publishing. Presenters hold the logic in plain Java; the
 * Vaadin components only show state and fire events.
 */
package org.ringtree.editor.flow;
