package org.ringtree.runtime.score;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.score.ModelQuality;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The score model versions and the promotions asked for: the only writer of both tables. A
 * promotion sends a NOTIFY on {@link #CHANNEL} at commit, so every node loads the promoted model.
 */
@Repository
@Store(owns = {"score_models", "score_model_promotions"})
class ModelVersionStore {

  /**
   * NOTIFY channel: the promoted model changed on some node (payload: its name, or '' for none).
   */
  static final String CHANNEL = "score_models";

  private static final String COLUMNS =
      "id, name, label, weighted_by_revenue, range_from, range_to, data_from, data_to,"
          + " labelled_rows, training_rows, held_out_rows, encoder_version, features, library,"
          + " base_rate, quality::text, train_millis, trained_by, trained_at, state, promoted_by,"
          + " promoted_at";

  private static final String PROMOTION_COLUMNS =
      "p.id, p.model_id, m.name, p.rollback, p.state, p.requested_by, p.requested_at, p.reason,"
          + " p.decided_by, p.decided_at, p.note";

  private final JdbcClient jdbc;

  ModelVersionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A model version about to be stored; its name is made from the id it will get. */
  record NewVersion(
      ScoreTraining.Label label,
      boolean weightedByRevenue,
      Instant rangeFrom,
      Instant rangeTo,
      Instant dataFrom,
      Instant dataTo,
      int labelledRows,
      int trainingRows,
      List<String> features,
      String library,
      double baseRate,
      ModelQuality quality,
      long trainMillis,
      String trainedBy,
      Instant trainedAt) {}

  /** The id the next version will have: its name is made from it before it is trained. */
  long nextId() {
    return jdbc.sql("SELECT nextval('score_models_id_seq')").query(Long.class).single();
  }

  ModelVersion insert(long id, String name, NewVersion v, byte[] model) {
    ModelQuality q = v.quality();
    jdbc.sql(
            "INSERT INTO score_models (id, name, label, weighted_by_revenue, range_from, range_to,"
                + " data_from, data_to, labelled_rows, training_rows, held_out_rows,"
                + " encoder_version, features, library, auc, auc_low, auc_high, brier,"
                + " base_rate_brier, calibration_error, base_rate, promotable, quality, model,"
                + " train_millis, trained_by, trained_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?::text[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)")
        .params(
            id,
            name,
            v.label().name(),
            v.weightedByRevenue(),
            Timestamp.from(v.rangeFrom()),
            Timestamp.from(v.rangeTo()),
            Timestamp.from(v.dataFrom()),
            Timestamp.from(v.dataTo()),
            v.labelledRows(),
            v.trainingRows(),
            q.heldOutRows(),
            org.ringtree.rules.score.ScoreEncoder.VERSION,
            v.features().toArray(String[]::new),
            v.library(),
            q.auc(),
            q.aucLow(),
            q.aucHigh(),
            q.brier(),
            q.baseRateBrier(),
            q.calibrationError(),
            v.baseRate(),
            q.promotable(),
            RingtreeJson.write(q),
            model,
            v.trainMillis(),
            v.trainedBy(),
            Timestamp.from(v.trainedAt()))
        .update();
    return find(id).orElseThrow();
  }

  List<ModelVersion> all() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM score_models ORDER BY id DESC")
        .query(this::version)
        .list();
  }

  Optional<ModelVersion> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM score_models WHERE id = ?")
        .param(id)
        .query(this::version)
        .optional();
  }

  Optional<ModelVersion> promoted() {
    return jdbc.sql("SELECT " + COLUMNS + " FROM score_models WHERE state = 'PROMOTED'")
        .query(this::version)
        .optional();
  }

  /** The bytes of a version as stored (they are read again at every promotion and load). */
  Optional<byte[]> bytes(long id) {
    return jdbc.sql("SELECT model FROM score_models WHERE id = ?")
        .param(id)
        .query((rs, i) -> rs.getBytes(1))
        .optional();
  }

  /** The model promoted before the current one: what a roll back promotes again. */
  Optional<ModelVersion> previouslyPromoted() {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM score_models WHERE state <> 'PROMOTED' AND promoted_at IS NOT NULL"
                + " ORDER BY promoted_at DESC, id DESC LIMIT 1")
        .query(this::version)
        .optional();
  }

  /** Whether this transaction may train: one node trains at a time; the lock ends with it. */
  boolean tryTrainingLock() {
    return Boolean.TRUE.equals(
        jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('ringtree.score.training'))")
            .query(Boolean.class)
            .single());
  }

  /** Serialises promotions across nodes until the transaction ends. */
  void lockPromotions() {
    jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext('ringtree.score_models'))")
        .query()
        .listOfRows();
  }

  /** Makes {@code id} the promoted model and retires the one before; every node hears it. */
  void promote(long id, String actor) {
    jdbc.sql("UPDATE score_models SET state = 'RETIRED' WHERE state = 'PROMOTED' AND id <> ?")
        .param(id)
        .update();
    jdbc.sql(
            "UPDATE score_models SET state = 'PROMOTED', promoted_by = ?, promoted_at = now()"
                + " WHERE id = ?")
        .params(actor, id)
        .update();
    String name =
        jdbc.sql("SELECT name FROM score_models WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, name).query().listOfRows();
  }

  ModelPromotion request(
      long modelId, boolean rollback, ModelPromotion.State state, String actor, String reason) {
    long id =
        jdbc.sql(
                "INSERT INTO score_model_promotions (model_id, rollback, state, requested_by,"
                    + " reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?, CASE WHEN ? THEN"
                    + " now() END) RETURNING id")
            .params(
                modelId,
                rollback,
                state.name(),
                actor,
                reason == null ? "" : reason,
                state == ModelPromotion.State.PENDING ? null : actor,
                state != ModelPromotion.State.PENDING)
            .query(Long.class)
            .single();
    return promotion(id).orElseThrow();
  }

  Optional<ModelPromotion> promotion(long id) {
    return jdbc.sql(
            "SELECT "
                + PROMOTION_COLUMNS
                + " FROM score_model_promotions p JOIN score_models m ON m.id = p.model_id"
                + " WHERE p.id = ?")
        .param(id)
        .query(this::promotionRow)
        .optional();
  }

  Optional<ModelPromotion> lockPending(long id) {
    return jdbc.sql(
            "SELECT "
                + PROMOTION_COLUMNS
                + " FROM score_model_promotions p JOIN score_models m ON m.id = p.model_id"
                + " WHERE p.id = ? AND p.state = 'PENDING' FOR UPDATE OF p")
        .param(id)
        .query(this::promotionRow)
        .optional();
  }

  void decide(long id, ModelPromotion.State state, String actor, String note) {
    jdbc.sql(
            "UPDATE score_model_promotions SET state = ?, decided_by = ?, decided_at = now(),"
                + " note = ? WHERE id = ?")
        .params(state.name(), actor, note, id)
        .update();
  }

  List<ModelPromotion> promotions(int limit) {
    return jdbc.sql(
            "SELECT "
                + PROMOTION_COLUMNS
                + " FROM score_model_promotions p JOIN score_models m ON m.id = p.model_id"
                + " ORDER BY p.id DESC LIMIT ?")
        .param(limit)
        .query(this::promotionRow)
        .list();
  }

  private ModelVersion version(ResultSet rs, int i) throws SQLException {
    Array features = rs.getArray("features");
    ModelQuality quality;
    try {
      quality = RingtreeJson.mapper().readValue(rs.getString("quality"), ModelQuality.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable quality of score model " + rs.getLong("id"), e);
    }
    return new ModelVersion(
        rs.getLong("id"),
        rs.getString("name"),
        ScoreTraining.Label.valueOf(rs.getString("label")),
        rs.getBoolean("weighted_by_revenue"),
        instant(rs, "range_from"),
        instant(rs, "range_to"),
        instant(rs, "data_from"),
        instant(rs, "data_to"),
        rs.getInt("labelled_rows"),
        rs.getInt("training_rows"),
        rs.getInt("held_out_rows"),
        rs.getInt("encoder_version"),
        Arrays.asList((String[]) features.getArray()),
        rs.getString("library"),
        rs.getDouble("base_rate"),
        quality,
        rs.getLong("train_millis"),
        rs.getString("trained_by"),
        instant(rs, "trained_at"),
        ModelVersion.State.valueOf(rs.getString("state")),
        rs.getString("promoted_by"),
        instant(rs, "promoted_at"));
  }

  private ModelPromotion promotionRow(ResultSet rs, int i) throws SQLException {
    return new ModelPromotion(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getBoolean(4),
        ModelPromotion.State.valueOf(rs.getString(5)),
        rs.getString(6),
        instant(rs, "requested_at"),
        rs.getString(8),
        rs.getString(9),
        instant(rs, "decided_at"),
        rs.getString(11));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
