/**
 * The demo network seeded on first start and the loopback demo bidders that answer its RTB pings.
 */
package org.ringtree.runtime.demo;
