package org.ringtree.runtime.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.ringtree.editor.score.ScoreModelsPort;
import org.ringtree.editor.score.ScoreModelsProblem;
import org.ringtree.runtime.score.ModelPromotion;
import org.ringtree.runtime.score.ModelVersion;
import org.ringtree.runtime.score.ScoreModels;
import org.ringtree.runtime.score.ScoreModelsRefused;
import org.ringtree.runtime.score.ScoreTraining;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The "Score models" screen over the services behind /api/score/models, with the API's roles per
 * method: the screen's readers (admins and compliance) list; an admin trains, promotes and rolls
 * back; an admin or a compliance officer decides a pending promotion (four eyes in {@link
 * ScoreModels}). Changes are attributed to the signed-in user and audited there.
 */
@Component
class ConsoleScoreModels implements ScoreModelsPort {

  static final String READERS = "hasAnyRole('ADMIN', 'COMPLIANCE')";
  static final String ADMIN = "hasRole('ADMIN')";
  static final String DECIDERS = "hasAnyRole('ADMIN', 'COMPLIANCE')";

  private final ScoreModels models;
  private final ScoreTraining training;
  private final Clock clock;

  ConsoleScoreModels(ScoreModels models, ScoreTraining training, Clock clock) {
    this.models = models;
    this.training = training;
    this.clock = clock;
  }

  @Override
  @PreAuthorize(READERS)
  public boolean approvalRequired() {
    return models.approvalRequired();
  }

  @Override
  @PreAuthorize(READERS)
  public List<Version> versions() {
    return models.versions().stream().map(ConsoleScoreModels::version).toList();
  }

  @Override
  @PreAuthorize(READERS)
  public List<Promotion> promotions() {
    return models.promotions().stream().map(ConsoleScoreModels::promotion).toList();
  }

  /** The range is the last {@code days} days up to now, as the scheduled training takes it. */
  @Override
  @PreAuthorize(ADMIN)
  public Version train(String label, int days, boolean weightByRevenue) {
    Instant to = clock.instant();
    return version(
        inTheApisWords(
            () ->
                training.train(
                    new ScoreTraining.Request(
                        to.minus(Duration.ofDays(days)),
                        to,
                        ScoreTraining.Label.valueOf(label),
                        weightByRevenue),
                    actor())));
  }

  @Override
  @PreAuthorize(ADMIN)
  public Outcome promote(long id, String reason) {
    return outcome(inTheApisWords(() -> models.promote(id, text(reason), actor())));
  }

  @Override
  @PreAuthorize(ADMIN)
  public Outcome rollback(String reason) {
    return outcome(inTheApisWords(() -> models.rollback(text(reason), actor())));
  }

  @Override
  @PreAuthorize(DECIDERS)
  public Outcome approve(long requestId, String note) {
    return outcome(inTheApisWords(() -> models.approve(requestId, text(note), actor())));
  }

  @Override
  @PreAuthorize(DECIDERS)
  public Promotion reject(long requestId, String note) {
    return promotion(inTheApisWords(() -> models.reject(requestId, text(note), actor())));
  }

  static Version version(ModelVersion v) {
    return new Version(
        v.id(),
        v.name(),
        v.state().name(),
        v.label().name(),
        v.weightedByRevenue(),
        v.dataFrom(),
        v.dataTo(),
        v.labelledRows(),
        v.quality().auc(),
        v.quality().aucLow(),
        v.quality().aucHigh(),
        v.quality().calibrationError(),
        v.quality().promotable(),
        v.quality().verdict(),
        v.trainedBy(),
        v.trainedAt(),
        v.promotedBy(),
        v.promotedAt());
  }

  static Promotion promotion(ModelPromotion p) {
    return new Promotion(
        p.id(),
        p.modelId(),
        p.modelName(),
        p.rollback(),
        p.state().name(),
        p.requestedBy(),
        p.requestedAt(),
        p.reason(),
        p.decidedBy(),
        p.decidedAt(),
        p.note());
  }

  private static Outcome outcome(ScoreModels.Outcome o) {
    return new Outcome(
        o.promoted() == null ? null : version(o.promoted()),
        o.request() == null ? null : promotion(o.request()));
  }

  /** As the REST controller strips a reason; null is none. */
  private static String text(String s) {
    return s == null ? "" : s.strip();
  }

  private static <T> T inTheApisWords(Supplier<T> change) {
    try {
      return change.get();
    } catch (ScoreModelsRefused r) {
      throw new ScoreModelsProblem(String.valueOf(r.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new ScoreModelsProblem(String.valueOf(e.getMessage()));
    }
  }

  private static String actor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth.getName() == null) {
      throw new IllegalStateException("score model changes need a signed-in user");
    }
    return auth.getName();
  }
}
