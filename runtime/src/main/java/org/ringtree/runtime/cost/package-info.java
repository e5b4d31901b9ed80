/**
 * Telephony costs: versioned per-minute and rent rates, a call's cost entries in the ledger, the
 * provider's own price replacing the estimate, and monthly number rent, so profit is real.
 */
package org.ringtree.runtime.cost;
