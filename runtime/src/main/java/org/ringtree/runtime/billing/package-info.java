/**
 * Money: settling calls through effective billing tables (DMN), the append-only ledger,
 * reconciliation reports from exact roll-ups, disputes and bulk adjustments, all audited.
 */
package org.ringtree.runtime.billing;
