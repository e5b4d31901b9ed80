/**
 * Routing a call at run time: capacity reservations in PostgreSQL, the dial plan, the router that
 * asks the engine and the buyers, and the trace it keeps.
 */
package org.ringtree.runtime.routing;
