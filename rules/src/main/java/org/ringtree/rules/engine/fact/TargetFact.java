package org.ringtree.rules.engine.fact;

import java.util.Set;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.directory.Schedule;

/** A candidate target of one route node, flattened for the eligibility rules. */
public record TargetFact(
    String routeNodeId,
    String targetId,
    String buyerId,
    String name,
    boolean active,
    Set<String> states,
    Set<String> zips,
    Set<String> areaCodes,
    Schedule schedule,
    DuplicateRule.Scope dupScope,
    DuplicateRule.Basis dupBasis,
    long dupWindowSeconds) {}
