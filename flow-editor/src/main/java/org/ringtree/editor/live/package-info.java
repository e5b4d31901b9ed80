/**
 * Live calls: what is in progress on the network now — each call's campaign, publisher, phase, node
 * and elapsed time — and each buyer's and target's calls against its concurrency cap, pushed to the
 * page as calls change on any runtime node.
 */
package org.ringtree.editor.live;
