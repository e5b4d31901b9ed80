/**
 * A call's life: the orchestrator that turns each webhook into the next step, the calls table's
 * store, reconciliation at the end of a call, settlement and the call API.
 */
package org.ringtree.runtime.call;
