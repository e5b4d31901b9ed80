package org.ringtree.runtime.score;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.fraud.StirVerstat;
import org.ringtree.rules.score.Score;
import org.ringtree.rules.score.ScoreFeatures;
import org.ringtree.rules.score.ScoreModel;
import org.ringtree.rules.score.Scoring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Scores a call in the webhook, from memory: the promoted model when there is one (another
 * feature's {@link PromotedModel}, absent until it is deployed), else the rule-based prior. A model
 * that fails, or a promoted-model port that fails, never fails the webhook: the prior scores the
 * call and the note says why. Every scoring is timed ({@value #TIMER}, docs/benchmarks.md).
 */
@Component
public class CallScorer {

  static final String TIMER = "ringtree.score.latency";
  private static final Logger log = LoggerFactory.getLogger(CallScorer.class);

  private final ObjectProvider<PromotedModel> promoted;
  private final ZoneId networkZone;
  private final Timer timer;

  // the network's zone as billing reads it (ringtree.billing.timezone), by value: the features
  // that score calls (the webhook's and supply-side pings') must not depend on billing
  CallScorer(
      ObjectProvider<PromotedModel> promoted,
      @Value("${ringtree.billing.timezone:UTC}") ZoneId networkZone,
      MeterRegistry meters) {
    this.promoted = promoted;
    this.networkZone = networkZone;
    this.timer =
        Timer.builder(TIMER)
            .description("Scoring one call in the webhook (features, model or prior, reasons)")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
  }

  /** A call's score and the features it was computed from. */
  public record Scored(Score score, ScoreFeatures features) {}

  /**
   * The call's score now: {@code ivrSeconds} since it was answered, {@code prefixNeighbours} other
   * numbers of its prefix from its publisher in the hour. Empty only when the call's own facts
   * cannot be turned into features (logged); the call is then routed unscored.
   */
  public Optional<Scored> score(
      CallFacts facts, StirVerstat stir, int ivrSeconds, int prefixNeighbours) {
    long t0 = System.nanoTime();
    try {
      ScoreFeatures features =
          ScoreFeatures.of(facts, stir, Math.max(ivrSeconds, 0), prefixNeighbours, networkZone);
      String unavailable = null;
      ScoreModel model = null;
      try {
        PromotedModel port = promoted.getIfAvailable();
        model = port == null ? null : port.current().orElse(null);
      } catch (RuntimeException e) {
        unavailable =
            "the promoted model could not be read ("
                + e.getClass().getSimpleName()
                + "): the prior scored this call";
      }
      Score score = Scoring.score(model, features);
      return Optional.of(
          new Scored(unavailable == null ? score : score.withNote(unavailable), features));
    } catch (RuntimeException e) {
      log.warn("Call {} could not be scored; routed unscored", facts.callId(), e);
      return Optional.empty();
    } finally {
      timer.record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
    }
  }
}
