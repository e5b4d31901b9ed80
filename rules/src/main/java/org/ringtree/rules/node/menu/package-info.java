/** The menu node: the caller chooses by key or speech, each option a port. */
package org.ringtree.rules.node.menu;
