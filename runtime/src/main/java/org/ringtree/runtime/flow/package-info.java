/**
 * Published flow versions at run time: their store, the compiled engines and Camel routes built
 * once per version, and their eviction when no call needs them.
 */
package org.ringtree.runtime.flow;
