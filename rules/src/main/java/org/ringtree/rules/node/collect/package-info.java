/** The collect-digits node: a zip code or other digits stored as an IVR answer. */
package org.ringtree.rules.node.collect;
