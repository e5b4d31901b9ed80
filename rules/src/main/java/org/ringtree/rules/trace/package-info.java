/** Justifications: every decision's reason, as data that is stored and shown. */
package org.ringtree.rules.trace;
