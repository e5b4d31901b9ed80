/** The say / play node: speaks text or plays audio, optionally after a recording notice. */
package org.ringtree.rules.node.say;
