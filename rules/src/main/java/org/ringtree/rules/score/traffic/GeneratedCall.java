package org.ringtree.rules.score.traffic;

import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.fraud.StirVerstat;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.score.ScoreFeatures;

/**
 * One generated call: the facts the engine would hold when routing it (for the fraud screen), the
 * carrier's SHAKEN/STIR verdict, its time in the IVR, its routing-time score features, and what
 * happened after: how long the buyer held it, whether that was billable (at least the campaign's
 * threshold), whether it converted, what the buyer paid; and the pattern that produced it.
 */
public record GeneratedCall(
    CallFacts facts,
    StirVerstat stir,
    int ivrSeconds,
    int prefixNeighbours,
    ScoreFeatures features,
    int durationSeconds,
    int billableSeconds,
    boolean billable,
    boolean converted,
    Money revenue,
    FraudPattern pattern) {}
