/**
 * Fraud defences at the door (issue #21.3, docs/fraud.md): the network's blocklist and the fraud
 * policies of the network and its campaigns, stored and audited, held in memory for the incoming
 * webhook and refreshed on every node when they change; the screen of each arriving call with the
 * decision code of {@code rules/…/fraud}; the REST API and the console's port over them.
 */
package org.ringtree.runtime.fraud;
