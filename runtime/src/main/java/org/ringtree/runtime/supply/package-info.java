/**
 * Ringtree as a bid endpoint (supply side): publishers whose traffic runs on another platform ping
 * a campaign before sending a call, get a bid (what the campaign's own auction would pay, less the
 * network's margin) and a pool number lent to that bid; a call on that number before the bid
 * expires is joined to it, so the buyer chosen at the ping is dialled and the publisher is paid as
 * bid.
 */
package org.ringtree.runtime.supply;
