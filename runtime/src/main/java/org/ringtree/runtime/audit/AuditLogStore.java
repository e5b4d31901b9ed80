package org.ringtree.runtime.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Writes and reads the append-only audit log. Values are stored as JSON with the rules module's
 * mapper, so directory records and flow documents appear exactly as the engine sees them. Call
 * {@link #record} inside the transaction of the change, so the change and its record commit
 * together.
 */
@Service
@Store(owns = "audit_log")
public class AuditLogStore {

  /** The actor of changes made by the platform itself (seeding, start-up). */
  public static final String SYSTEM = "system";

  private static final ObjectMapper JSON = RingtreeJson.mapper();

  private final JdbcClient jdbc;

  AuditLogStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Records one change. {@code before} is null for a creation, {@code after} for a deletion; any
   * other value is stored as JSON (a {@link JsonNode} as it is).
   */
  public void record(
      String actor,
      String action,
      String objectType,
      String objectId,
      Object before,
      Object after) {
    jdbc.sql(
            "INSERT INTO audit_log (actor, action, object_type, object_id, before, after)"
                + " VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb)")
        .params(
            actor == null || actor.isBlank() ? SYSTEM : actor,
            action,
            objectType,
            objectId,
            RingtreeJson.write(before),
            RingtreeJson.write(after))
        .update();
  }

  /** The signed-in user of this request, or {@link #SYSTEM} outside a request. */
  public static String currentActor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
      return SYSTEM;
    }
    return auth.getName();
  }

  /** Parses stored JSON text (e.g. a row's settings column) for use as a before/after value. */
  public static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  public List<AuditEntry> search(AuditQuery q) {
    return search(q, 0, false);
  }

  /**
   * One page of the matching rows: {@code q.limit()} rows after skipping {@code offset}, newest
   * first when asked (the console's order), else oldest first.
   */
  public List<AuditEntry> search(AuditQuery q, int offset, boolean newestFirst) {
    List<AuditEntry> out = new ArrayList<>();
    each(q, Math.max(0, offset), newestFirst, out::add);
    return out;
  }

  /** How many rows match, whatever {@code q.limit()} says. */
  public int count(AuditQuery q) {
    List<Object> params = new ArrayList<>();
    String where = where(q, params);
    return jdbc.sql("SELECT count(*) FROM audit_log WHERE true" + where)
        .params(params)
        .query(Integer.class)
        .single();
  }

  /** Writes the matching rows as CSV (RFC 4180), oldest first, with a header row. */
  public void writeCsv(AuditQuery q, Writer w) {
    try {
      w.write("id,at,actor,action,object_type,object_id,before,after\r\n");
      each(
          q,
          0,
          false,
          e -> {
            try {
              w.write(
                  String.join(
                          ",",
                          String.valueOf(e.id()),
                          e.at().toString(),
                          Csv.cell(e.actor()),
                          Csv.cell(e.action()),
                          Csv.cell(e.objectType()),
                          Csv.cell(e.objectId()),
                          Csv.cell(e.before() == null ? "" : e.before().toString()),
                          Csv.cell(e.after() == null ? "" : e.after().toString()))
                      + "\r\n");
            } catch (IOException ex) {
              throw new UncheckedIOException(ex);
            }
          });
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void each(AuditQuery q, int offset, boolean newestFirst, Consumer<AuditEntry> sink) {
    List<Object> params = new ArrayList<>();
    String sql =
        "SELECT id, at, actor, action, object_type, object_id, before::text AS before,"
            + " after::text AS after FROM audit_log WHERE true"
            + where(q, params)
            + (newestFirst ? " ORDER BY id DESC" : " ORDER BY id")
            + " LIMIT ? OFFSET ?";
    params.add(q.limit());
    params.add(offset);
    jdbc.sql(sql).params(params).query((RowCallbackHandler) rs -> sink.accept(row(rs)));
  }

  /** The conditions of {@code q}, each a bound parameter appended to {@code params}. */
  private static String where(AuditQuery q, List<Object> params) {
    StringBuilder sql = new StringBuilder();
    if (q.objectType() != null) {
      sql.append(" AND object_type = ?");
      params.add(q.objectType());
    }
    if (q.objectId() != null) {
      sql.append(" AND object_id = ?");
      params.add(q.objectId());
    }
    if (q.actor() != null) {
      sql.append(" AND actor = ?");
      params.add(q.actor());
    }
    if (q.action() != null) {
      sql.append(" AND starts_with(action, ?)");
      params.add(q.action());
    }
    if (q.from() != null) {
      sql.append(" AND at >= ?");
      params.add(Timestamp.from(q.from()));
    }
    if (q.to() != null) {
      sql.append(" AND at < ?");
      params.add(Timestamp.from(q.to()));
    }
    return sql.toString();
  }

  private static AuditEntry row(ResultSet rs) throws SQLException {
    return new AuditEntry(
        rs.getLong("id"),
        rs.getTimestamp("at").toInstant(),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("object_type"),
        rs.getString("object_id"),
        parse(rs.getString("before")),
        parse(rs.getString("after")));
  }
}
