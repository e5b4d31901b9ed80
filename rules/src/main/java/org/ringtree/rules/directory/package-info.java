/** The network's directory: verticals, campaigns, publishers, buyers, targets, numbers. */
package org.ringtree.rules.directory;
