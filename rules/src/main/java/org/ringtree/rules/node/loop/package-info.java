/** The go-to / loop node: jumps along its loop port until its limit, the cap every cycle needs. */
package org.ringtree.rules.node.loop;
