package org.ringtree.rules.engine.fact;

/** Asks the rules of one condition node to evaluate its clauses. */
public record ConditionCheck(String nodeId) {}
