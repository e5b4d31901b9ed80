/** The set-tag node: a call tag later conditions, buyers and postbacks can see. */
package org.ringtree.rules.node.settag;
