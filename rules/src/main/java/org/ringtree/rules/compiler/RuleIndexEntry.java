package org.ringtree.rules.compiler;

/**
 * Ties one generated rule or decision-table row to the node it came from, with a sentence saying
 * what it does. {@code artifact} is "drl", "dmn-routing", "dmn-billing" or "camel".
 */
public record RuleIndexEntry(String ruleId, String artifact, String nodeId, String description) {}
