/**
 * Publisher and buyer portals in the console: each party signs in and sees only its own calls and
 * its own side of the money — a publisher its numbers, campaigns, calls and payouts; a buyer its
 * calls with recordings, spend, caps and targets, which it may pause and resume. Which party comes
 * from the signed-in account behind the ports, never from the page or its address.
 */
package org.ringtree.editor.portal;
