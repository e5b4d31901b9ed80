/**
 * The network directory (verticals, campaigns, publishers, buyers, targets, groups, tracking
 * numbers) and campaign fallbacks: their store and REST API.
 */
package org.ringtree.runtime.directory;
