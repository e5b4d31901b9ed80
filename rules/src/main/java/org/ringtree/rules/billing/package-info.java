/** Billable and payout decisions for finished calls, evaluated through the flow's billing DMN. */
package org.ringtree.rules.billing;
