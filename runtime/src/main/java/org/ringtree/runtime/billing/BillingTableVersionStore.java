package org.ringtree.runtime.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.runtime.billing.BillingTableVersions.Cause;
import org.ringtree.runtime.billing.BillingTableVersions.Key;
import org.ringtree.runtime.billing.BillingTableVersions.State;
import org.ringtree.runtime.billing.BillingTableVersions.Version;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of {@code billing_table_versions}: what {@link BillingTableVersions} decides (which
 * table each scope books on, proposed, live, retired or rejected) is stored and looked up here.
 */
@Repository
@Store(owns = "billing_table_versions", reads = "flow_versions")
class BillingTableVersionStore {

  private static final String COLUMNS =
      "id, flow_version_id, campaign_id, buyer_key, publisher_key, table_ref, previous_ref,"
          + " change_id, cause, state, approval_required, requested_by, requested_at, decided_by,"
          + " decided_at";

  private final JdbcClient jdbc;

  BillingTableVersionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Version> ofChange(long changeId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM billing_table_versions WHERE change_id = ? ORDER BY id")
        .param(changeId)
        .query(this::row)
        .list();
  }

  List<Version> list(State state, String campaignId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM billing_table_versions WHERE (?::text IS NULL OR state = ?::text)"
                + " AND (?::text IS NULL OR campaign_id = ?::text) ORDER BY id DESC LIMIT 500")
        .params(
            state == null ? null : state.name(),
            state == null ? null : state.name(),
            campaignId,
            campaignId)
        .query(this::row)
        .list();
  }

  Optional<Version> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM billing_table_versions WHERE id = ?")
        .param(id)
        .query(this::row)
        .optional();
  }

  /** Serialises the decisions on one flow version's campaign until the transaction ends. */
  void lockScope(long flowVersionId, String campaignId) {
    jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?))")
        .param("billing-table-versions:" + flowVersionId + ":" + campaignId)
        .query(Integer.class)
        .single();
  }

  /** Who wrote the flow version: the person who may not approve what it proposes. */
  String author(long flowVersionId) {
    return jdbc.sql("SELECT author FROM flow_versions WHERE id = ?")
        .param(flowVersionId)
        .query(String.class)
        .single();
  }

  /** The table the same campaign and scope last went live on under an earlier flow version. */
  Optional<String> earlierRef(Key k) {
    return jdbc.sql(
            "SELECT table_ref FROM billing_table_versions WHERE campaign_id = ? AND buyer_key = ?"
                + " AND publisher_key = ? AND flow_version_id <> ? AND state IN ('LIVE', 'RETIRED')"
                + " ORDER BY decided_at DESC, id DESC LIMIT 1")
        .params(k.campaignId(), k.buyerKey(), k.publisherKey(), k.flowVersionId())
        .query(String.class)
        .optional();
  }

  /** The combined tables a flow version proposed for a campaign and nobody decided yet. */
  List<Version> pendingFlowTables(long flowVersionId, String campaignId) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM billing_table_versions WHERE state = 'PENDING' AND cause = 'FLOW'"
                + " AND flow_version_id = ? AND campaign_id = ? ORDER BY id")
        .params(flowVersionId, campaignId)
        .query(this::row)
        .list();
  }

  /**
   * The live version for a buyer and publisher: the scope's own, else the buyer's or the
   * publisher's on any other party, else the campaign's.
   */
  Optional<Version> lookup(long flowVersionId, String campaignId, String buyer, String publisher) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM billing_table_versions WHERE state = 'LIVE' AND flow_version_id = ?"
                + " AND campaign_id = ? AND buyer_key IN (?, '*') AND publisher_key IN (?, '*')"
                + " ORDER BY buyer_key = '*', publisher_key = '*' LIMIT 1")
        .params(
            flowVersionId,
            campaignId,
            buyer == null ? BillingTableVersions.ANY : buyer,
            publisher == null ? BillingTableVersions.ANY : publisher)
        .query(this::row)
        .optional();
  }

  Map<Key, Version> liveByKey(long flowVersionId, String campaignId) {
    Map<Key, Version> out = new HashMap<>();
    jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM billing_table_versions WHERE state = 'LIVE' AND flow_version_id = ?"
                + " AND campaign_id = ?")
        .params(flowVersionId, campaignId)
        .query(this::row)
        .list()
        .forEach(v -> out.put(v.key(), v));
    return out;
  }

  /** Retires the scope's live version, before another goes live in its place. */
  void retireLive(Key k) {
    jdbc.sql(
            "UPDATE billing_table_versions SET state = 'RETIRED' WHERE state = 'LIVE'"
                + " AND flow_version_id = ? AND campaign_id = ? AND buyer_key = ?"
                + " AND publisher_key = ?")
        .params(k.flowVersionId(), k.campaignId(), k.buyerKey(), k.publisherKey())
        .update();
  }

  /** A new version; decided (at the time of the insert) when {@code decidedBy} is given. */
  long insert(
      Key k,
      String ref,
      String previousRef,
      Long changeId,
      Cause cause,
      State state,
      boolean approvalRequired,
      String actor,
      String decidedBy) {
    return jdbc.sql(
            "INSERT INTO billing_table_versions (flow_version_id, campaign_id, buyer_key,"
                + " publisher_key, table_ref, previous_ref, change_id, cause, state,"
                + " approval_required, requested_by, decided_by, decided_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " CASE WHEN ? THEN now() END) RETURNING id")
        .params(
            k.flowVersionId(),
            k.campaignId(),
            k.buyerKey(),
            k.publisherKey(),
            ref,
            previousRef,
            changeId,
            cause.name(),
            state.name(),
            approvalRequired,
            actor,
            decidedBy,
            decidedBy != null)
        .query(Long.class)
        .single();
  }

  /** Decides a pending version; false if it was not pending (decided meanwhile). */
  boolean decide(long id, State state, String actor) {
    return jdbc.sql(
                "UPDATE billing_table_versions SET state = ?, decided_by = ?, decided_at = now()"
                    + " WHERE id = ? AND state = 'PENDING'")
            .params(state.name(), actor, id)
            .update()
        == 1;
  }

  private Version row(ResultSet rs, int i) throws SQLException {
    long change = rs.getLong("change_id");
    boolean noChange = rs.wasNull();
    return new Version(
        rs.getLong("id"),
        rs.getLong("flow_version_id"),
        rs.getString("campaign_id"),
        rs.getString("buyer_key"),
        rs.getString("publisher_key"),
        rs.getString("table_ref"),
        rs.getString("previous_ref"),
        noChange ? null : change,
        Cause.valueOf(rs.getString("cause")),
        State.valueOf(rs.getString("state")),
        rs.getBoolean("approval_required"),
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        rs.getString("decided_by"),
        rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant());
  }
}
