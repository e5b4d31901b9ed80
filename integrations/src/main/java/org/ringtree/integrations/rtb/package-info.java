/**
 * Buyer real-time bidding over HTTP: our bid request JSON, parsers for the bid response shapes we
 * accept, per-target ping rate limits, and the Camel-based collector that pings every RTB target in
 * parallel inside one deadline. The contract is documented in {@code docs/rtb.md}.
 */
package org.ringtree.integrations.rtb;
