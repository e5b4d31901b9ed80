/**
 * Node kinds, one package each: a kind's typed settings, catalog entry, checks, rules and execution
 * in one handler, registered in {@code META-INF/services/org.ringtree.rules.flow.NodeKindHandler}.
 */
package org.ringtree.rules.node;
