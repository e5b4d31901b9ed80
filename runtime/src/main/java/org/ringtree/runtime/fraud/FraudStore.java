package org.ringtree.runtime.fraud;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.fraud.BlockEntry;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The blocklist and the fraud policies: the only writer of both tables. A defence's findings are
 * lines of the call's trace (kind {@code fraud}), read here for the console and for settling.
 */
@Repository
@Store(
    owns = {"fraud_blocklist", "fraud_policies"},
    reads = {"routing_trace", "calls", "campaigns"})
class FraudStore {

  /** NOTIFY channel: a blocklist or policy changed on some node (payload: what changed). */
  static final String CHANNEL = "fraud_settings";

  private static final String ENTRY_COLUMNS =
      "id, kind, value, list_name, note, added_by, added_at";

  private final JdbcClient jdbc;

  FraudStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored blocklist entry. */
  record StoredEntry(long id, BlockEntry entry, String listName, String addedBy, Instant addedAt) {}

  /** A stored policy: its scope ('*' or a campaign id), settings as JSON, version. */
  record StoredPolicy(
      String scope, String settings, int version, String updatedBy, Instant updatedAt) {}

  /** One fraud finding of a call, as the trace holds it. */
  record Finding(
      Instant at,
      UUID callId,
      String callSid,
      String caller,
      String campaignId,
      String publisherId,
      String check,
      String outcome,
      String reason) {}

  List<BlockEntry> allEntries() {
    return jdbc.sql("SELECT kind, value, note FROM fraud_blocklist")
        .query(
            (rs, i) ->
                new BlockEntry(
                    BlockEntry.Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
        .list();
  }

  List<StoredEntry> entries(String listName, int offset, int limit) {
    return jdbc.sql(
            "SELECT "
                + ENTRY_COLUMNS
                + " FROM fraud_blocklist WHERE (?::text IS NULL OR list_name = ?)"
                + " ORDER BY added_at DESC, id DESC OFFSET ? LIMIT ?")
        .params(listName, listName, offset, limit)
        .query(this::entry)
        .list();
  }

  long count(String listName) {
    return jdbc.sql("SELECT count(*) FROM fraud_blocklist WHERE (?::text IS NULL OR list_name = ?)")
        .params(listName, listName)
        .query(Long.class)
        .single();
  }

  /**
   * Adds the entries in one statement (an entry already listed takes the new note and list); the
   * NOTIFY goes out at commit.
   */
  int addAll(List<BlockEntry> entries, String listName, String actor) {
    int n =
        jdbc.sql(
                "INSERT INTO fraud_blocklist (kind, value, note, list_name, added_by)"
                    + " SELECT DISTINCT ON (k, v) k, v, n, ?, ? FROM unnest(?::text[], ?::text[],"
                    + " ?::text[]) AS e(k, v, n) ON CONFLICT (kind, value) DO UPDATE SET note ="
                    + " excluded.note, list_name = excluded.list_name, added_by ="
                    + " excluded.added_by, added_at = now()")
            .params(
                listName,
                actor,
                entries.stream().map(e -> e.kind().name()).toArray(String[]::new),
                entries.stream().map(BlockEntry::value).toArray(String[]::new),
                entries.stream().map(BlockEntry::note).toArray(String[]::new))
            .update();
    changed("blocklist");
    return n;
  }

  Optional<StoredEntry> delete(long id) {
    Optional<StoredEntry> gone =
        jdbc.sql("DELETE FROM fraud_blocklist WHERE id = ? RETURNING " + ENTRY_COLUMNS)
            .param(id)
            .query(this::entry)
            .optional();
    gone.ifPresent(e -> changed("blocklist"));
    return gone;
  }

  int deleteList(String listName) {
    int n = jdbc.sql("DELETE FROM fraud_blocklist WHERE list_name = ?").param(listName).update();
    changed("blocklist");
    return n;
  }

  List<StoredPolicy> policies() {
    return jdbc.sql(
            "SELECT scope, settings::text, version, updated_by, updated_at FROM fraud_policies"
                + " ORDER BY scope")
        .query(this::storedPolicy)
        .list();
  }

  Optional<StoredPolicy> policy(String scope) {
    return jdbc.sql(
            "SELECT scope, settings::text, version, updated_by, updated_at FROM fraud_policies"
                + " WHERE scope = ?")
        .param(scope)
        .query(this::storedPolicy)
        .optional();
  }

  StoredPolicy savePolicy(String scope, String settings, String actor) {
    StoredPolicy saved =
        jdbc.sql(
                "INSERT INTO fraud_policies (scope, settings, updated_by) VALUES (?, ?::jsonb, ?)"
                    + " ON CONFLICT (scope) DO UPDATE SET settings = excluded.settings, version ="
                    + " fraud_policies.version + 1, updated_by = excluded.updated_by, updated_at ="
                    + " now() RETURNING scope, settings::text, version, updated_by, updated_at")
            .params(scope, settings, actor)
            .query(this::storedPolicy)
            .single();
    changed("policy:" + scope);
    return saved;
  }

  boolean deletePolicy(String scope) {
    boolean gone = jdbc.sql("DELETE FROM fraud_policies WHERE scope = ?").param(scope).update() > 0;
    if (gone) {
      changed("policy:" + scope);
    }
    return gone;
  }

  boolean campaignExists(String campaignId) {
    return Boolean.TRUE.equals(
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM campaigns WHERE id = ?)")
            .param(campaignId)
            .query(Boolean.class)
            .single());
  }

  /** The newest findings of every call, newest first. */
  List<Finding> recentFindings(int limit) {
    return jdbc.sql(
            "SELECT t.created_at, t.call_id, c.call_sid, c.caller_number, c.campaign_id,"
                + " c.publisher_id, t.detail->>'check', t.outcome, t.reason FROM routing_trace t"
                + " JOIN calls c ON c.id = t.call_id WHERE t.kind = 'fraud'"
                + " ORDER BY t.created_at DESC, t.call_id, t.seq LIMIT ?")
        .param(limit)
        .query(
            (rs, i) ->
                new Finding(
                    rs.getTimestamp(1).toInstant(),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9)))
        .list();
  }

  /** Why the call's publisher is not paid: its not-payable findings; empty when there are none. */
  List<String> notPayableReasons(UUID callId) {
    return jdbc.sql(
            "SELECT reason FROM routing_trace WHERE call_id = ? AND kind = 'fraud'"
                + " AND outcome = 'NOT_PAYABLE' ORDER BY seq")
        .param(callId)
        .query(String.class)
        .list();
  }

  /** Tells every node (NOTIFY at commit) that the blocklist or a policy changed. */
  private void changed(String what) {
    jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, what).query().listOfRows();
  }

  private StoredEntry entry(ResultSet rs, int i) throws SQLException {
    return new StoredEntry(
        rs.getLong("id"),
        new BlockEntry(
            BlockEntry.Kind.valueOf(rs.getString("kind")),
            rs.getString("value"),
            rs.getString("note")),
        rs.getString("list_name"),
        rs.getString("added_by"),
        rs.getTimestamp("added_at").toInstant());
  }

  private StoredPolicy storedPolicy(ResultSet rs, int i) throws SQLException {
    return new StoredPolicy(
        rs.getString(1),
        rs.getString(2),
        rs.getInt(3),
        rs.getString(4),
        rs.getTimestamp(5).toInstant());
  }
}
