package org.ringtree.runtime.score;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.score.Score;
import org.ringtree.rules.score.ScoreFeatures;
import org.ringtree.rules.score.ScoreReason;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A call's score as routing knew it (V90): one row per scored call, its features as {@code
 * rules.score.ScoreFeatures} JSON ({@link RingtreeJson}), so that models are trained on exactly
 * what routing saw. Written with the call's first step, updated by each later IVR step.
 */
@Repository
@Store(owns = {"call_scores"})
public class CallScoreStore {

  private static final TypeReference<List<ScoreReason>> REASONS = new TypeReference<>() {};
  private static final String COLUMNS =
      "scored_at, score, source, model, probability, reasons, note, features";

  private final JdbcClient jdbc;

  CallScoreStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A call's stored score, as the call detail and the API show it. */
  public record Stored(
      Instant scoredAt,
      int value,
      Score.Source source,
      String model,
      Double probability,
      List<ScoreReason> reasons,
      String note,
      ScoreFeatures features) {}

  /**
   * A clause of the call's first statement: the row for the call the statement inserts as {@code c}
   * (the caller's statement names it so), written by this store because it owns the table.
   */
  public record Clause(String sql, List<Object> params) {}

  public Clause firstRow(Instant at, CallScorer.Scored scored) {
    return new Clause(
        ", s AS (INSERT INTO call_scores (call_id, "
            + COLUMNS
            + ") SELECT c.id, ?::timestamptz, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb FROM c)",
        values(at, scored));
  }

  /** The call's score now (a later IVR step scored it again with what it learned). */
  public void save(UUID callId, Instant at, CallScorer.Scored scored) {
    List<Object> params = new java.util.ArrayList<>();
    params.add(callId);
    params.addAll(values(at, scored));
    jdbc.sql(
            "INSERT INTO call_scores (call_id, "
                + COLUMNS
                + ") VALUES (?, ?::timestamptz, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb)"
                + " ON CONFLICT (call_id) DO UPDATE SET scored_at = excluded.scored_at,"
                + " score = excluded.score, source = excluded.source, model = excluded.model,"
                + " probability = excluded.probability, reasons = excluded.reasons,"
                + " note = excluded.note, features = excluded.features")
        .params(params)
        .update();
  }

  public Optional<Stored> find(UUID callId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM call_scores WHERE call_id = ?")
        .param(callId)
        .query(CallScoreStore::stored)
        .optional();
  }

  private static List<Object> values(Instant at, CallScorer.Scored scored) {
    Score s = scored.score();
    return java.util.Arrays.asList(
        Timestamp.from(at),
        s.value(),
        s.source().name(),
        s.model(),
        s.probability().isPresent() ? s.probability().getAsDouble() : null,
        RingtreeJson.write(s.reasons()),
        s.note(),
        RingtreeJson.write(scored.features()));
  }

  private static Stored stored(ResultSet rs, int i) throws SQLException {
    try {
      return new Stored(
          rs.getTimestamp("scored_at").toInstant(),
          rs.getInt("score"),
          Score.Source.valueOf(rs.getString("source")),
          rs.getString("model"),
          (Double) rs.getObject("probability"),
          RingtreeJson.mapper().readValue(rs.getString("reasons"), REASONS),
          rs.getString("note"),
          RingtreeJson.mapper().readValue(rs.getString("features"), ScoreFeatures.class));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable call score", e);
    }
  }
}
