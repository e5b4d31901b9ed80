/** A call as the engine sees it: caller, facts, state, and the provider-neutral instructions. */
package org.ringtree.rules.call;
