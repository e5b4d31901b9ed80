/**
 * Fraud defences decided at the door, before a call is routed: blocklists, velocity limits,
 * caller-id validity and STIR/SHAKEN policy, each with the action a network or campaign chose and a
 * sentence saying why it fired. Pure decisions over the call's facts and history; no I/O.
 */
package org.ringtree.rules.fraud;
