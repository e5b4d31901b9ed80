package org.ringtree.runtime.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owns {@code adjustment_requests}: bulk adjustments asked for by one person and applied or
 * rejected by another (four eyes on money). A request keeps the exact previewed request and its
 * preview token; applying it writes the batch only if the calls still stand where that preview saw
 * them, so the approver applies exactly what was asked for and shown.
 */
@Service
@Store(owns = "adjustment_requests")
public class AdjustmentRequests {

  private static final ObjectMapper JSON = RingtreeJson.mapper();
  private static final String COLUMNS =
      "id, request::text, preview, summary::text, state, requested_by, requested_at, decided_by,"
          + " decided_at, note, batch_id";

  private final JdbcClient jdbc;
  private final Adjustments adjustments;
  private final Audit audit;

  AdjustmentRequests(JdbcClient jdbc, Adjustments adjustments, Audit audit) {
    this.jdbc = jdbc;
    this.adjustments = adjustments;
    this.audit = audit;
  }

  public enum State {
    PENDING,
    APPLIED,
    REJECTED
  }

  /** A request and where it stands; {@code batchId} once applied. */
  public record AdjustmentRequest(
      long id,
      Adjustments.Request request,
      String previewToken,
      Adjustments.Summary summary,
      State state,
      String requestedBy,
      Instant requestedAt,
      String decidedBy,
      Instant decidedAt,
      String note,
      UUID batchId) {}

  /** Asks for a previewed batch; the token must still match the calls (else 409: preview again). */
  @Transactional
  public AdjustmentRequest request(Adjustments.Request r, String previewToken, String actor) {
    Adjustments.Summary summary = adjustments.preview(r);
    if (!summary.previewToken().equals(previewToken)) {
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT,
          "the calls changed since the preview (or it was for another request); preview again");
    }
    long id =
        jdbc.sql(
                "INSERT INTO adjustment_requests (request, preview, summary, requested_by)"
                    + " VALUES (?::jsonb, ?, ?::jsonb, ?) RETURNING id")
            .params(RingtreeJson.write(r), previewToken, RingtreeJson.write(summary), actor)
            .query(Long.class)
            .single();
    AdjustmentRequest created = find(id).orElseThrow();
    audit.record(
        actor, "adjustment.request", "adjustment_request", Long.toString(id), null, created);
    return created;
  }

  /** A second person applies the batch asked for; the one who asked may not. */
  @Transactional
  public AdjustmentRequest apply(long id, String note, String actor) {
    AdjustmentRequest before = lockPending(id);
    secondPerson(before, actor, "applied");
    Adjustments.Applied applied = adjustments.apply(before.request(), before.previewToken(), actor);
    return decide(before, State.APPLIED, note, actor, applied.batchId());
  }

  @Transactional
  public AdjustmentRequest reject(long id, String note, String actor) {
    AdjustmentRequest before = lockPending(id);
    return decide(before, State.REJECTED, note, actor, null);
  }

  public Optional<AdjustmentRequest> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM adjustment_requests WHERE id = ?")
        .param(id)
        .query(this::row)
        .optional();
  }

  /** Newest first; {@code state} null for all. */
  public List<AdjustmentRequest> list(State state) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM adjustment_requests WHERE (?::text IS NULL OR state = ?::text)"
                + " ORDER BY id DESC LIMIT 500")
        .params(state == null ? null : state.name(), state == null ? null : state.name())
        .query(this::row)
        .list();
  }

  private AdjustmentRequest lockPending(long id) {
    AdjustmentRequest r =
        jdbc.sql("SELECT " + COLUMNS + " FROM adjustment_requests WHERE id = ? FOR UPDATE")
            .param(id)
            .query(this::row)
            .optional()
            .orElseThrow(
                () -> new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no adjustment request " + id));
    if (r.state() != State.PENDING) {
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT,
          "adjustment request " + id + " was " + r.state().name().toLowerCase() + " already");
    }
    return r;
  }

  private static void secondPerson(AdjustmentRequest r, String actor, String what) {
    if (r.requestedBy().equals(actor)) {
      throw new MoneyProblem(
          MoneyProblem.Kind.FORBIDDEN,
          "a bulk adjustment is "
              + what
              + " by someone other than who asked for it ("
              + actor
              + ")");
    }
  }

  private AdjustmentRequest decide(
      AdjustmentRequest before, State state, String note, String actor, UUID batch) {
    jdbc.sql(
            "UPDATE adjustment_requests SET state = ?, decided_by = ?, decided_at = now(),"
                + " note = ?, batch_id = ? WHERE id = ?")
        .params(state.name(), actor, note, batch, before.id())
        .update();
    AdjustmentRequest after = find(before.id()).orElseThrow();
    audit.record(
        actor,
        state == State.APPLIED ? "adjustment.request.apply" : "adjustment.request.reject",
        "adjustment_request",
        Long.toString(before.id()),
        Map.of("state", before.state(), "requestedBy", before.requestedBy()),
        after);
    return after;
  }

  private AdjustmentRequest row(ResultSet rs, int i) throws SQLException {
    return new AdjustmentRequest(
        rs.getLong("id"),
        read(rs.getString("request"), Adjustments.Request.class),
        rs.getString("preview"),
        read(rs.getString("summary"), Adjustments.Summary.class),
        State.valueOf(rs.getString("state")),
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getString("decided_by"),
        rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
        rs.getString("note"),
        rs.getObject("batch_id", UUID.class));
  }

  private static <T> T read(String json, Class<T> type) {
    try {
      return JSON.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable stored " + type.getSimpleName(), e);
    }
  }
}
