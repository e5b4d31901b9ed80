/**
 * The connector node: calls a registered Camel route with call tags and stores its answer as tags.
 */
package org.ringtree.rules.node.connector;
