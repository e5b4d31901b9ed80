package org.ringtree.runtime.quality;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.quality.QualityFlag;
import org.ringtree.rules.quality.QualitySettings;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The quality runs, their flags and the pauses made from them (V93): the only writer of the three
 * tables. A flag is live (open, acknowledged or dismissed) until a run no longer raises it; raised
 * again while live, its evidence is updated in place, so it is announced once.
 */
@Repository
@Store(
    owns = {"quality_runs", "quality_flags", "quality_pauses"},
    reads = {"tracking_numbers"})
public class QualityFlagStore {

  private static final TypeReference<List<ScoreBands>> BANDS = new TypeReference<>() {};
  private static final String FLAG_COLUMNS =
      "id, publisher_id, source, kind, state, first_run_id, last_run_id, raised_at, updated_at,"
          + " hits, calls, baseline_hits, baseline_calls, baseline_rate, p_value, evidence,"
          + " decided_by, decided_at, reason";
  private static final String RUN_COLUMNS =
      "id, started_at, window_from, window_to, trigger, requested_by, calls, flags, new_flags,"
          + " score_bands::text";

  private final JdbcClient jdbc;

  QualityFlagStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A pause of a publisher's numbers: the numbers it took out of service, by whom, when. */
  public record Pause(
      long id, String publisherId, List<String> numbers, String pausedBy, Instant pausedAt) {}

  /** One node runs the tests at a time: held until the run's transaction ends. */
  boolean tryRunLock() {
    return Boolean.TRUE.equals(
        jdbc.sql("SELECT pg_try_advisory_xact_lock(hashtext('ringtree.quality.run'))")
            .query(Boolean.class)
            .single());
  }

  long insertRun(
      Instant at,
      Instant from,
      Instant to,
      QualityRun.Trigger trigger,
      String by,
      int calls,
      QualitySettings settings,
      List<ScoreBands> bands) {
    return jdbc.sql(
            "INSERT INTO quality_runs (started_at, window_from, window_to, trigger, requested_by,"
                + " calls, flags, new_flags, settings, score_bands) VALUES (?, ?, ?, ?, ?, ?, 0,"
                + " 0, ?::jsonb, ?::jsonb) RETURNING id")
        .params(
            Timestamp.from(at),
            Timestamp.from(from),
            Timestamp.from(to),
            trigger.name(),
            by,
            calls,
            RingtreeJson.write(settings),
            RingtreeJson.write(bands))
        .query(Long.class)
        .single();
  }

  /**
   * Keeps the run's flags: a flag live for the same publisher, source and test gets the new
   * evidence, any other is inserted OPEN; live flags this run did not raise are CLEARED. Returns
   * the new flags.
   */
  List<StoredFlag> apply(long runId, Instant at, List<QualityFlag> flags) {
    List<StoredFlag> added = new ArrayList<>();
    for (QualityFlag f : flags) {
      int updated =
          jdbc.sql(
                  "UPDATE quality_flags SET last_run_id = ?, updated_at = ?, hits = ?, calls = ?,"
                      + " baseline_hits = ?, baseline_calls = ?, baseline_rate = ?, p_value = ?,"
                      + " evidence = ? WHERE publisher_id = ? AND source = ? AND kind = ?"
                      + " AND state <> 'CLEARED'")
              .params(
                  runId,
                  Timestamp.from(at),
                  f.hits(),
                  f.calls(),
                  f.baselineHits(),
                  f.baselineCalls(),
                  f.baselineRate(),
                  f.pValue(),
                  f.evidence(),
                  f.publisherId(),
                  f.source(),
                  f.kind().name())
              .update();
      if (updated == 0) {
        added.add(
            jdbc.sql(
                    "INSERT INTO quality_flags (publisher_id, source, kind, state, first_run_id,"
                        + " last_run_id, raised_at, updated_at, hits, calls, baseline_hits,"
                        + " baseline_calls, baseline_rate, p_value, evidence) VALUES (?, ?, ?,"
                        + " 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING "
                        + FLAG_COLUMNS)
                .params(
                    f.publisherId(),
                    f.source(),
                    f.kind().name(),
                    runId,
                    runId,
                    Timestamp.from(at),
                    Timestamp.from(at),
                    f.hits(),
                    f.calls(),
                    f.baselineHits(),
                    f.baselineCalls(),
                    f.baselineRate(),
                    f.pValue(),
                    f.evidence())
                .query(QualityFlagStore::flag)
                .single());
      }
    }
    jdbc.sql(
            "UPDATE quality_flags SET state = 'CLEARED', updated_at = ? WHERE state <> 'CLEARED'"
                + " AND last_run_id <> ?")
        .params(Timestamp.from(at), runId)
        .update();
    jdbc.sql("UPDATE quality_runs SET flags = ?, new_flags = ? WHERE id = ?")
        .params(flags.size(), added.size(), runId)
        .update();
    return added;
  }

  Optional<QualityRun> latestRun() {
    return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM quality_runs ORDER BY id DESC LIMIT 1")
        .query(QualityFlagStore::run)
        .optional();
  }

  Optional<QualityRun> run(long id) {
    return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM quality_runs WHERE id = ?")
        .param(id)
        .query(QualityFlagStore::run)
        .optional();
  }

  /** The flags open or acknowledged, strongest evidence first. */
  List<StoredFlag> openFlags() {
    return jdbc.sql(
            "SELECT "
                + FLAG_COLUMNS
                + " FROM quality_flags WHERE state IN ('OPEN', 'ACKNOWLEDGED')"
                + " ORDER BY p_value, publisher_id, source, kind")
        .query(QualityFlagStore::flag)
        .list();
  }

  Optional<StoredFlag> flag(long id) {
    return jdbc.sql("SELECT " + FLAG_COLUMNS + " FROM quality_flags WHERE id = ?")
        .param(id)
        .query(QualityFlagStore::flag)
        .optional();
  }

  /** Acknowledges or dismisses a flag that is open or acknowledged; empty otherwise. */
  Optional<StoredFlag> decide(long id, StoredFlag.State to, String by, String reason, Instant at) {
    return jdbc.sql(
            "UPDATE quality_flags SET state = ?, decided_by = ?, decided_at = ?, reason = ?"
                + " WHERE id = ? AND state IN ('OPEN', 'ACKNOWLEDGED') RETURNING "
                + FLAG_COLUMNS)
        .params(to.name(), by, Timestamp.from(at), reason, id)
        .query(QualityFlagStore::flag)
        .optional();
  }

  /** The publisher's tracking numbers now in service. */
  List<String> enabledNumbers(String publisherId) {
    return jdbc.sql(
            "SELECT number FROM tracking_numbers WHERE publisher_id = ? AND enabled"
                + " ORDER BY number")
        .param(publisherId)
        .query(String.class)
        .list();
  }

  Optional<Pause> activePause(String publisherId) {
    return jdbc.sql(
            "SELECT id, publisher_id, numbers, paused_by, paused_at FROM quality_pauses"
                + " WHERE publisher_id = ? AND resumed_at IS NULL")
        .param(publisherId)
        .query(QualityFlagStore::pause)
        .optional();
  }

  List<Pause> activePauses() {
    return jdbc.sql(
            "SELECT id, publisher_id, numbers, paused_by, paused_at FROM quality_pauses"
                + " WHERE resumed_at IS NULL ORDER BY publisher_id")
        .query(QualityFlagStore::pause)
        .list();
  }

  Pause insertPause(String publisherId, List<String> numbers, String by, Instant at) {
    return jdbc.sql(
            "INSERT INTO quality_pauses (publisher_id, numbers, paused_by, paused_at)"
                + " VALUES (?, ?::text[], ?, ?)"
                + " RETURNING id, publisher_id, numbers, paused_by, paused_at")
        .params(publisherId, numbers.toArray(String[]::new), by, Timestamp.from(at))
        .query(QualityFlagStore::pause)
        .single();
  }

  void endPause(long id, String by, Instant at) {
    jdbc.sql("UPDATE quality_pauses SET resumed_by = ?, resumed_at = ? WHERE id = ?")
        .params(by, Timestamp.from(at), id)
        .update();
  }

  private static StoredFlag flag(ResultSet rs, int i) throws SQLException {
    Timestamp decided = rs.getTimestamp("decided_at");
    return new StoredFlag(
        rs.getLong("id"),
        rs.getString("publisher_id"),
        rs.getString("source"),
        QualityFlag.Kind.valueOf(rs.getString("kind")),
        StoredFlag.State.valueOf(rs.getString("state")),
        rs.getLong("first_run_id"),
        rs.getLong("last_run_id"),
        rs.getTimestamp("raised_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        rs.getInt("hits"),
        rs.getInt("calls"),
        rs.getInt("baseline_hits"),
        rs.getInt("baseline_calls"),
        rs.getDouble("baseline_rate"),
        rs.getDouble("p_value"),
        rs.getString("evidence"),
        rs.getString("decided_by"),
        decided == null ? null : decided.toInstant(),
        rs.getString("reason"));
  }

  private static QualityRun run(ResultSet rs, int i) throws SQLException {
    try {
      return new QualityRun(
          rs.getLong("id"),
          rs.getTimestamp("started_at").toInstant(),
          rs.getTimestamp("window_from").toInstant(),
          rs.getTimestamp("window_to").toInstant(),
          QualityRun.Trigger.valueOf(rs.getString("trigger")),
          rs.getString("requested_by"),
          rs.getInt("calls"),
          rs.getInt("flags"),
          rs.getInt("new_flags"),
          RingtreeJson.mapper().readValue(rs.getString("score_bands"), BANDS));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("unreadable score bands of run " + rs.getLong("id"), e);
    }
  }

  private static Pause pause(ResultSet rs, int i) throws SQLException {
    Array numbers = rs.getArray("numbers");
    return new Pause(
        rs.getLong("id"),
        rs.getString("publisher_id"),
        Arrays.asList((String[]) numbers.getArray()),
        rs.getString("paused_by"),
        rs.getTimestamp("paused_at").toInstant());
  }
}
