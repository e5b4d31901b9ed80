package org.ringtree.runtime.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.rules.review.Safeguards;
import org.ringtree.rules.score.ScoreModel;
import org.ringtree.rules.score.UnreadableModelException;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.approval.PromotedModelReview;
import org.ringtree.runtime.audit.AuditLogStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Promoting and rolling back score models (docs/score.md, "Promote and roll back"). A model is
 * promoted only when its quality figures say it may be ({@code ModelQuality.promotable}) and its
 * stored bytes read back as a model; otherwise it is refused with the reason and the promoted one
 * stays. The model decides which calls reach which buyers, so it is treated like a money setting:
 * while approval is required a promotion is a request someone other than who asked applies or
 * rejects (the checks run again then). A roll back promotes again the model promoted before the
 * current one at once, like a flow's rollback, so an emergency is never held up. Every step is in
 * the audit log; every node loads the promoted model at commit.
 */
@Service
public class ScoreModels implements PromotedModelReview {

  private final ModelVersionStore store;
  private final ComplianceSettings compliance;
  private final AuditLogStore audit;
  private final PromotedScoreModel inMemory;
  private final TransactionTemplate tx;

  ScoreModels(
      ModelVersionStore store,
      ComplianceSettings compliance,
      AuditLogStore audit,
      PromotedScoreModel inMemory,
      TransactionTemplate tx) {
    this.store = store;
    this.compliance = compliance;
    this.audit = audit;
    this.inMemory = inMemory;
    this.tx = tx;
  }

  /**
   * Runs a change in its own transaction and, once it is committed, loads the promoted model on
   * this node (other nodes hear the NOTIFY sent at commit).
   */
  private <T> T committed(java.util.function.Supplier<T> change) {
    T result = tx.execute(s -> change.get());
    inMemory.reload();
    return result;
  }

  /** What a promotion did: the model promoted now, or the request waiting for a second person. */
  public record Outcome(ModelVersion promoted, ModelPromotion request) {}

  public List<ModelVersion> versions() {
    return store.all();
  }

  public Optional<ModelVersion> version(long id) {
    return store.find(id);
  }

  public Optional<ModelVersion> promoted() {
    return store.promoted();
  }

  @Override
  public Optional<Safeguards.Model> promotedForReview() {
    return store
        .promoted()
        .map(
            v ->
                new Safeguards.Model(
                    v.name(),
                    v.label().name(),
                    v.dataFrom(),
                    v.dataTo(),
                    v.labelledRows(),
                    v.quality().auc(),
                    v.quality().aucLow(),
                    v.quality().aucHigh(),
                    v.promotedBy(),
                    v.promotedAt()));
  }

  public List<ModelPromotion> promotions() {
    return store.promotions(200);
  }

  public boolean approvalRequired() {
    return compliance.requireApproval();
  }

  public Outcome promote(long id, String reason, String actor) {
    return committed(() -> promoteNow(id, reason, actor));
  }

  private Outcome promoteNow(long id, String reason, String actor) {
    store.lockPromotions();
    ModelVersion v = existing(id);
    if (v.state() == ModelVersion.State.PROMOTED) {
      throw ScoreModelsRefused.conflict(v.name() + " is already the promoted model");
    }
    check(v);
    if (compliance.requireApproval()) {
      ModelPromotion request =
          store.request(id, false, ModelPromotion.State.PENDING, actor, reason);
      audit.record(
          actor,
          "score-model.promote-request",
          "score-model",
          v.name(),
          summary(store.promoted().orElse(null)),
          Map.of("request", request.id(), "model", v.name(), "reason", request.reason()));
      return new Outcome(null, request);
    }
    ModelVersion promoted = apply(v, actor, "score-model.promote");
    return new Outcome(
        promoted, store.request(id, false, ModelPromotion.State.APPLIED, actor, reason));
  }

  /** Someone other than who asked promotes the model, if it still passes the checks. */
  public Outcome approve(long requestId, String note, String actor) {
    return committed(() -> approveNow(requestId, note, actor));
  }

  private Outcome approveNow(long requestId, String note, String actor) {
    store.lockPromotions();
    ModelPromotion p = pending(requestId);
    if (p.requestedBy().equals(actor)) {
      throw ScoreModelsRefused.forbidden(
          "promotion "
              + requestId
              + " was asked for by "
              + actor
              + "; someone else approves or rejects it");
    }
    ModelVersion v = existing(p.modelId());
    if (v.state() == ModelVersion.State.PROMOTED) {
      throw ScoreModelsRefused.conflict(v.name() + " is already the promoted model");
    }
    check(v);
    ModelVersion promoted = apply(v, actor, "score-model.promote-approve");
    store.decide(requestId, ModelPromotion.State.APPLIED, actor, note);
    return new Outcome(promoted, store.promotion(requestId).orElseThrow());
  }

  public ModelPromotion reject(long requestId, String note, String actor) {
    return tx.execute(s -> rejectNow(requestId, note, actor));
  }

  private ModelPromotion rejectNow(long requestId, String note, String actor) {
    store.lockPromotions();
    ModelPromotion p = pending(requestId);
    store.decide(requestId, ModelPromotion.State.REJECTED, actor, note);
    audit.record(
        actor,
        "score-model.promote-reject",
        "score-model",
        p.modelName(),
        Map.of("request", requestId, "state", p.state().name()),
        Map.of("request", requestId, "state", "REJECTED", "note", note == null ? "" : note));
    return store.promotion(requestId).orElseThrow();
  }

  /** Promotes again the model that was promoted before the current one. */
  public Outcome rollback(String reason, String actor) {
    return committed(() -> rollbackNow(reason, actor));
  }

  private Outcome rollbackNow(String reason, String actor) {
    store.lockPromotions();
    ModelVersion current =
        store
            .promoted()
            .orElseThrow(
                () -> ScoreModelsRefused.conflict("no model is promoted: nothing to roll back"));
    ModelVersion previous =
        store
            .previouslyPromoted()
            .orElseThrow(
                () ->
                    ScoreModelsRefused.conflict(
                        "no model was promoted before "
                            + current.name()
                            + ": nothing to roll back to"));
    readable(previous);
    ModelVersion promoted = apply(previous, actor, "score-model.rollback");
    return new Outcome(
        promoted, store.request(previous.id(), true, ModelPromotion.State.APPLIED, actor, reason));
  }

  private ModelVersion apply(ModelVersion v, String actor, String action) {
    Map<String, Object> before = summary(store.promoted().orElse(null));
    store.promote(v.id(), actor);
    ModelVersion after = store.find(v.id()).orElseThrow();
    audit.record(actor, action, "score-model", v.name(), before, summary(after));
    return after;
  }

  /** Refuses a model its figures say is no use, and one whose bytes do not read. */
  private void check(ModelVersion v) {
    if (!v.quality().promotable()) {
      throw ScoreModelsRefused.conflict(
          v.name() + " may not be promoted: " + String.join("; ", v.quality().verdict()));
    }
    readable(v);
  }

  private void readable(ModelVersion v) {
    byte[] bytes = store.bytes(v.id()).orElseThrow();
    try {
      ScoreModel.fromBytes(bytes);
    } catch (UnreadableModelException e) {
      throw ScoreModelsRefused.conflict(
          v.name() + " may not be promoted: " + e.getMessage() + "; the promoted model stays");
    }
  }

  private ModelVersion existing(long id) {
    return store.find(id).orElseThrow(() -> ScoreModelsRefused.notFound("no score model " + id));
  }

  private ModelPromotion pending(long requestId) {
    return store
        .lockPending(requestId)
        .orElseThrow(
            () ->
                store.promotion(requestId).isPresent()
                    ? ScoreModelsRefused.conflict("promotion " + requestId + " is already decided")
                    : ScoreModelsRefused.notFound("no promotion request " + requestId));
  }

  private static Map<String, Object> summary(ModelVersion v) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (v == null) {
      m.put("promoted", null);
      m.put("scoredBy", "the rule-based prior");
      return m;
    }
    m.put("promoted", v.name());
    m.put("label", v.label().name());
    m.put("data", v.dataFrom() + "/" + v.dataTo());
    m.put("quality", v.quality().shown());
    return m;
  }
}
