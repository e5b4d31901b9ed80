package org.ringtree.rules.engine.fact;

import org.ringtree.rules.directory.DuplicateRule;

/** The call's campaign, for campaign-wide duplicate rules. */
public record CampaignFact(
    String campaignId,
    DuplicateRule.Scope dupScope,
    DuplicateRule.Basis dupBasis,
    long dupWindowSeconds) {}
