/**
 * A call's life, one job per class: its arrival, its steps and the provider's callbacks (the
 * webhooks' entry points), flow stepping and dial results (computing), settlement and
 * reconciliation at its end, the store of the calls table, and the call log and API.
 */
package org.ringtree.runtime.call;
