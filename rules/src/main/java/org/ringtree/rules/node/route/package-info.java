/** The route node: eligibility rules per target, and the request the router ranks and dials. */
package org.ringtree.rules.node.route;
