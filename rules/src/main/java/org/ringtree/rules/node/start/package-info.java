/** The start node: where every call enters its flow. */
package org.ringtree.rules.node.start;
