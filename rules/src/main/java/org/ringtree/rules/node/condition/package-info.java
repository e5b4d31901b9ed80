/**
 * The condition node: clauses on geography, hours, tags, answers, caller and history, decided by
 * DRL.
 */
package org.ringtree.rules.node.condition;
