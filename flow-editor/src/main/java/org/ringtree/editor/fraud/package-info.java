/**
 * The fraud screen (docs/fraud.md): the network's blocklist with CSV import, the fraud policy of
 * the network and of each campaign, and the recent findings at the door. It talks to the platform
 * through {@link org.ringtree.editor.fraud.FraudPort}, which the runtime implements with the
 * services behind /api/fraud.
 */
package org.ringtree.editor.fraud;
