/**
 * The flow document operators draw: nodes, edges, the settings schema of every node kind ({@link
 * org.ringtree.rules.flow.NodeCatalog}) and its JSON form ({@link
 * org.ringtree.rules.flow.FlowJson}, {@link org.ringtree.rules.flow.FlowJsonSchema}).
 */
package org.ringtree.rules.flow;
