/**
 * Publisher and buyer portals over REST: a publisher user sees only its own calls and payouts, a
 * buyer user only its own calls and spend. The party comes from the signed-in user's account, never
 * from the request, and the other side's money is never shown.
 */
package org.ringtree.runtime.portal;
