package org.ringtree.rules.engine.fact;

/** Asks the eligibility rules of one route node to judge its candidate targets. */
public record RouteCheck(String nodeId) {}
