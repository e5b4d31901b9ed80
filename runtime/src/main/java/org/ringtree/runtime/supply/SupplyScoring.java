package org.ringtree.runtime.supply;

import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallScore;
import org.ringtree.rules.fraud.StirVerstat;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.ringtree.runtime.score.CallScorer;
import org.springframework.stereotype.Component;

/**
 * Scores a publisher's ping as the webhook scores a call (docs/rtb.md, "The score in a bid"), with
 * what is known before the call exists: publisher, tags, campaign, caller id and its history, area
 * code against the state and zip sent. No STIR/SHAKEN verdict, IVR or prefix neighbours yet: those
 * features read as absent. The score goes into the facts, so the flow's conditions, the targets'
 * minimum scores and the pings to buyers read it as they read a call's.
 */
@Component
class SupplyScoring {

  private final CallScorer scorer;

  SupplyScoring(CallScorer scorer) {
    this.scorer = scorer;
  }

  /** The facts with their score, the score and its trace line; unscored facts when it fails. */
  record Scored(CallFacts facts, Integer score, TraceEntry trace) {}

  Scored score(CallFacts facts) {
    return scorer
        .score(facts, StirVerstat.ABSENT, 0, 0)
        .map(
            s ->
                new Scored(
                    facts.withScore(new CallScore(s.score().value(), "", 0)),
                    s.score().value(),
                    TraceEntry.of(
                        null, null, TraceKind.SCORE, TraceOutcome.SCORED, s.score().shown())))
        .orElseGet(() -> new Scored(facts, null, null));
  }
}
