package org.ringtree.runtime.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.CallScore;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.fraud.StirVerstat;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.ringtree.runtime.score.CallScorer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The call's quality score on the call path (docs/score.md, "In the webhook"): scored at arrival
 * before the flow's first step, and again before each later IVR step with the answers and seconds
 * the IVR has added, so a condition or route node always reads the score of the call as it stands.
 * The score travels in the call's facts ({@code call.score}); the row and the trace line are saved
 * with the step. With {@code ringtree.score.enabled=false} no call is scored: no row, no trace
 * line, and a score clause meets an unscored call (docs/score.md, "Switched off").
 */
@Component
class CallScoring {

  private final CallScorer scorer;
  private final boolean enabled;

  CallScoring(CallScorer scorer, @Value("${ringtree.score.enabled:true}") boolean enabled) {
    this.scorer = scorer;
    this.enabled = enabled;
  }

  /** A call scored: the facts that carry the score, the row to store and the trace line. */
  record Scored(CallFacts facts, CallScorer.Scored scored, TraceEntry trace) {}

  /** At the door: no IVR yet. */
  Optional<Scored> arrival(CallFacts facts, StirVerstat stir, int prefixNeighbours) {
    if (!enabled) {
      return Optional.empty();
    }
    StirVerstat verstat = stir == null ? StirVerstat.ABSENT : stir;
    return scorer
        .score(facts, verstat, 0, prefixNeighbours)
        .map(
            s ->
                scored(
                    facts, new CallScore(s.score().value(), wire(verstat), prefixNeighbours), s));
  }

  /**
   * Before a later IVR step: the state's facts scored again with what the IVR gathered so far;
   * empty when the call was never scored (it arrived before scoring existed) or cannot be.
   */
  Optional<Scored> again(CallState state, Instant now) {
    CallFacts facts = state.facts();
    CallScore before = facts.score();
    if (!enabled || before == null) {
      return Optional.empty();
    }
    int ivrSeconds = (int) Math.min(Duration.between(facts.arrivedAt(), now).toSeconds(), 86_400);
    StirVerstat stir = StirVerstat.of(before.stir().isEmpty() ? null : before.stir());
    return scorer
        .score(facts, stir, ivrSeconds, before.prefixNeighbours())
        .map(s -> scored(facts, before.withValue(s.score().value()), s));
  }

  /** The state with the new score in its facts, for the engine to read. */
  static CallState with(CallState state, Scored scored) {
    return new CallState(
        state.versionKey(),
        state.nodeId(),
        state.waiting(),
        scored.facts(),
        state.attempts(),
        state.steps());
  }

  private static Scored scored(CallFacts facts, CallScore score, CallScorer.Scored s) {
    return new Scored(
        facts.withScore(score),
        s,
        TraceEntry.of(null, null, TraceKind.SCORE, TraceOutcome.SCORED, s.score().shown()));
  }

  private static String wire(StirVerstat stir) {
    return stir == StirVerstat.ABSENT ? "" : stir.wire();
  }
}
