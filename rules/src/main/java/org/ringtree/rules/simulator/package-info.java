/**
 * The call simulator: runs a whole call through a compiled flow with the same engine, routing and
 * billing code as live calls, with scripted caller input, bids and answers. A port ({@link
 * org.ringtree.rules.simulator.CallSimulator}) both the editor and the runtime call.
 */
package org.ringtree.rules.simulator;
