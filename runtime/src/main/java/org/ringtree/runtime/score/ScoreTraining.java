package org.ringtree.runtime.score;

import com.fasterxml.jackson.databind.ObjectReader;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.score.LabelledCall;
import org.ringtree.rules.score.ScoreFeatures;
import org.ringtree.rules.score.ScoreModel;
import org.ringtree.rules.score.ScoreTrainer;
import org.ringtree.runtime.audit.AuditLogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Trains a score model from PostgreSQL (docs/score.md, "Training"): the ended calls scored in a
 * range, each labelled converted (a buyer's conversion postback) or billable (buyer revenue in the
 * ledger), optionally weighted by that revenue, are handed to {@link ScoreTrainer}; the result is
 * stored as a candidate version with its quality figures, and audited. On demand, and on the {@code
 * ringtree.score.training.cron} schedule over the last {@code ringtree.score.training.days} days.
 * One node trains at a time: the training holds a PostgreSQL advisory lock for its transaction, and
 * a second request meanwhile is refused (on a schedule, skipped).
 */
@Service
public class ScoreTraining {

  private static final Logger log = LoggerFactory.getLogger(ScoreTraining.class);

  /** The outcome a model learns to predict. */
  public enum Label {
    /** The buyer reported a conversion by postback ({@code calls.converted}). */
    CONVERTED,
    /** The buyer was charged for the call: its revenue rows in the ledger sum above zero. */
    BILLABLE
  }

  /** What to train on: calls scored in [from, to), the label, and whether to weight by revenue. */
  public record Request(Instant from, Instant to, Label label, boolean weightByRevenue) {}

  /** Every feature of a call the encoder reads, as kept with each version. */
  static final List<String> FEATURES =
      Arrays.stream(ScoreFeatures.class.getRecordComponents())
          .map(RecordComponent::getName)
          .toList();

  private static final ObjectReader FEATURES_JSON =
      RingtreeJson.mapper().readerFor(ScoreFeatures.class);

  private final ScoreTrainingRows rows;
  private final ModelVersionStore versions;
  private final AuditLogStore audit;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final int scheduledDays;
  private final Label scheduledLabel;

  ScoreTraining(
      ScoreTrainingRows rows,
      ModelVersionStore versions,
      AuditLogStore audit,
      TransactionTemplate tx,
      @Value("${ringtree.score.training.days:30}") int scheduledDays,
      @Value("${ringtree.score.training.label:CONVERTED}") Label scheduledLabel) {
    this.rows = rows;
    this.versions = versions;
    this.audit = audit;
    this.tx = tx;
    this.clock = Clock.systemUTC();
    this.scheduledDays = scheduledDays;
    this.scheduledLabel = scheduledLabel;
  }

  /**
   * Trains and stores a candidate; refused when the range is empty or backwards, when too few
   * labelled calls are found or all have one label, and while another node is training.
   */
  public ModelVersion train(Request request, String actor) {
    if (request == null || request.from() == null || request.to() == null) {
      throw ScoreModelsRefused.badRequest("need the range of calls to train on: from and to");
    }
    if (!request.from().isBefore(request.to())) {
      throw ScoreModelsRefused.badRequest("the range's from is before its to");
    }
    Label label = request.label() == null ? Label.CONVERTED : request.label();
    ModelVersion trained =
        tx.execute(
            s -> {
              if (!tryLock()) {
                throw ScoreModelsRefused.conflict(
                    "a score model is being trained (on this or another node); try again when it"
                        + " is done");
              }
              return trainLocked(request, label, actor);
            });
    return trained;
  }

  /** The nightly (or as configured) training; off unless the cron setting is given. */
  @Scheduled(cron = "${ringtree.score.training.cron:-}")
  void scheduled() {
    Instant to = clock.instant();
    Request r = new Request(to.minus(Duration.ofDays(scheduledDays)), to, scheduledLabel, false);
    try {
      tx.execute(
          s -> {
            if (!tryLock()) {
              log.info("Score training skipped: another node is training");
              return null;
            }
            ModelVersion v = trainLocked(r, scheduledLabel, AuditLogStore.SYSTEM);
            log.info("Score model {} trained on schedule: {}", v.name(), v.quality().shown());
            return v;
          });
    } catch (ScoreModelsRefused e) {
      log.warn("Score training on schedule did not train: {}", e.getMessage());
    }
  }

  private boolean tryLock() {
    return versions.tryTrainingLock();
  }

  private ModelVersion trainLocked(Request request, Label label, String actor) {
    long started = System.nanoTime();
    // each row is parsed as it streams in: the stored JSON of a million calls is never held at once
    Labelled labelled = new Labelled(label, request.weightByRevenue());
    rows.scored(request.from(), request.to(), labelled::add);
    List<LabelledCall> calls = labelled.calls();
    if (calls.size() < ScoreTrainer.MIN_ROWS) {
      throw ScoreModelsRefused.badRequest(
          "not enough labelled calls to train: "
              + calls.size()
              + " ended calls scored from "
              + request.from()
              + " to "
              + request.to()
              + ", at least "
              + ScoreTrainer.MIN_ROWS);
    }
    long positives = calls.stream().filter(LabelledCall::positive).count();
    if (positives == 0 || positives == calls.size()) {
      throw ScoreModelsRefused.badRequest(
          "every call in the range is "
              + (positives == 0 ? "negative" : "positive")
              + " for label "
              + label
              + ": nothing to learn from");
    }
    long id = versions.nextId();
    String name = "score-v" + id;
    ScoreModel model;
    try {
      model =
          new ScoreTrainer(clock)
              .train(calls, ScoreTrainer.Options.defaults(name, label.name().toLowerCase()));
    } catch (IllegalArgumentException e) {
      throw ScoreModelsRefused.badRequest(e.getMessage());
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    ScoreModel.About about = model.about();
    ModelVersion v =
        versions.insert(
            id,
            name,
            new ModelVersionStore.NewVersion(
                label,
                request.weightByRevenue(),
                request.from(),
                request.to(),
                calls.get(0).at(),
                calls.get(calls.size() - 1).at(),
                calls.size(),
                about.trainingRows(),
                FEATURES,
                about.library(),
                (double) positives / calls.size(),
                about.quality(),
                millis,
                actor,
                about.trainedAt()),
            model.toBytes());
    audit.record(
        actor,
        "score-model.train",
        "score-model",
        name,
        null,
        Map.of(
            "name",
            name,
            "label",
            label.name(),
            "range",
            request.from() + "/" + request.to(),
            "rows",
            calls.size(),
            "quality",
            v.quality().shown()));
    return v;
  }

  /**
   * The label of each call, and its weight: with revenue weighting a positive call weighs its buyer
   * revenue over the mean revenue of the positive calls (the average positive weighs 1), so dearer
   * calls count more; negatives and positives without revenue weigh 1. Rows are added as they are
   * read; the weights are set once the mean is known.
   */
  static final class Labelled {
    private final Label label;
    private final boolean weightByRevenue;
    private final List<LabelledCall> calls = new ArrayList<>();
    private final List<Integer> paidAt = new ArrayList<>();
    private final List<BigDecimal> paidRevenue = new ArrayList<>();
    private BigDecimal total = BigDecimal.ZERO;

    Labelled(Label label, boolean weightByRevenue) {
      this.label = label;
      this.weightByRevenue = weightByRevenue;
    }

    void add(ScoreTrainingRows.Row r) {
      boolean positive = positive(r, label);
      if (positive && r.buyerRevenue().signum() > 0) {
        total = total.add(r.buyerRevenue());
        if (weightByRevenue) {
          paidAt.add(calls.size());
          paidRevenue.add(r.buyerRevenue());
        }
      }
      calls.add(new LabelledCall(features(r.features()), positive, r.at(), 1.0));
    }

    List<LabelledCall> calls() {
      double mean = paidAt.isEmpty() ? 1 : total.doubleValue() / paidAt.size();
      for (int i = 0; i < paidAt.size(); i++) {
        LabelledCall c = calls.get(paidAt.get(i));
        calls.set(
            paidAt.get(i),
            new LabelledCall(c.features(), true, c.at(), paidRevenue.get(i).doubleValue() / mean));
      }
      paidAt.clear();
      paidRevenue.clear();
      return calls;
    }
  }

  private static boolean positive(ScoreTrainingRows.Row r, Label label) {
    return label == Label.CONVERTED ? r.converted() : r.buyerRevenue().signum() > 0;
  }

  private static ScoreFeatures features(String json) {
    try {
      return FEATURES_JSON.readValue(json);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a call's stored score features do not read", e);
    }
  }
}
