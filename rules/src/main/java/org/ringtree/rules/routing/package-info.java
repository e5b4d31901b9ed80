/** Routing: eligibility, distribution methods, the RTB auction and its bid contract. */
package org.ringtree.rules.routing;
