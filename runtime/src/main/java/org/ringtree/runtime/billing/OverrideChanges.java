package org.ringtree.runtime.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ringtree.rules.billing.PolicyOverride;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owns {@code billing_override_changes}: with approval required, nobody changes a billing override
 * alone. A save or delete becomes a pending change (checked as the save would be) together with the
 * billing table versions it would put live ({@link BillingTableVersions}), which someone other than
 * who asked approves (applies) or rejects; applying it writes exactly what was asked and puts
 * exactly those tables live. Without approval, changes and their tables go live at once, recorded
 * under who made them.
 */
@Service
@Store(owns = "billing_override_changes")
public class OverrideChanges {

  private static final ObjectMapper JSON = RingtreeJson.mapper();
  private static final String COLUMNS =
      "id, action, scope, party_id, campaign_id, policy::text, state, requested_by, requested_at,"
          + " decided_by, decided_at, note";

  private final JdbcClient jdbc;
  private final BillingPolicies policies;
  private final ComplianceSettings settings;
  private final Audit audit;
  private final BillingTableVersions tables;

  OverrideChanges(
      JdbcClient jdbc,
      BillingPolicies policies,
      ComplianceSettings settings,
      Audit audit,
      BillingTableVersions tables) {
    this.tables = tables;
    this.jdbc = jdbc;
    this.policies = policies;
    this.settings = settings;
    this.audit = audit;
  }

  public enum Action {
    SAVE,
    DELETE
  }

  public enum State {
    PENDING,
    APPLIED,
    REJECTED
  }

  public record Change(
      long id,
      Action action,
      BillingPolicies.Scope scope,
      String partyId,
      String campaignId,
      PolicyOverride policy,
      State state,
      String requestedBy,
      Instant requestedAt,
      String decidedBy,
      Instant decidedAt,
      String note) {}

  /** What a save or delete did: applied at once, or waiting for a second person. */
  public record Outcome(
      BillingPolicies.StoredOverride applied,
      Change pending,
      boolean deleted,
      List<BillingTableVersions.Version> tables) {}

  public boolean approvalRequired() {
    return settings.requireApproval();
  }

  @Transactional
  public Outcome save(
      BillingPolicies.Scope scope,
      String partyId,
      String campaignId,
      PolicyOverride policy,
      String actor) {
    policies.check(scope, partyId, campaignId, policy);
    return change(Action.SAVE, scope, partyId, campaignId, policy, actor);
  }

  @Transactional
  public Outcome delete(
      BillingPolicies.Scope scope, String partyId, String campaignId, String actor) {
    if (policies.find(scope, partyId, campaignId).isEmpty()) {
      return new Outcome(null, null, false, List.of());
    }
    return change(Action.DELETE, scope, partyId, campaignId, null, actor);
  }

  private Outcome change(
      Action action,
      BillingPolicies.Scope scope,
      String partyId,
      String campaignId,
      PolicyOverride policy,
      String actor) {
    BillingPolicies.OverrideSet after = policies.current().with(scope, partyId, campaignId, policy);
    List<String> campaigns = campaigns(scope, partyId, campaignId);
    String describe = describe(action, scope, partyId, campaignId);
    if (!settings.requireApproval()) {
      List<BillingTableVersions.Version> proposed =
          tables.propose(null, after, campaigns, describe, actor, false);
      BillingPolicies.StoredOverride saved = null;
      boolean deleted = false;
      if (action == Action.SAVE) {
        saved = policies.save(scope, partyId, campaignId, policy, actor);
      } else {
        deleted = policies.delete(scope, partyId, campaignId, actor);
      }
      tables.goLive(proposed, campaigns, actor);
      return new Outcome(saved, null, deleted, proposed);
    }
    Change c = request(action, scope, partyId, campaignId, policy, actor);
    return new Outcome(
        null, c, false, tables.propose(c.id(), after, campaigns, describe, actor, true));
  }

  /** The campaigns whose tables an override can change. */
  private List<String> campaigns(BillingPolicies.Scope scope, String partyId, String campaignId) {
    if (scope == BillingPolicies.Scope.CAMPAIGN) {
      return List.of(partyId);
    }
    return campaignId != null ? List.of(campaignId) : policies.campaignIds();
  }

  private static String describe(
      Action action, BillingPolicies.Scope scope, String partyId, String campaignId) {
    return (action == Action.SAVE ? "this override" : "deleting this override")
        + " ("
        + scope.name().toLowerCase(java.util.Locale.ROOT)
        + " "
        + partyId
        + (campaignId == null ? "" : " on " + campaignId)
        + ")";
  }

  /** A second person applies the change exactly as asked. */
  @Transactional
  public Change apply(long id, String note, String actor) {
    Change c = lockPending(id);
    if (c.requestedBy().equals(actor)) {
      throw new MoneyProblem(
          MoneyProblem.Kind.FORBIDDEN,
          "a billing override change is applied by someone other than who asked for it ("
              + actor
              + ")");
    }
    if (c.action() == Action.SAVE) {
      policies.save(c.scope(), c.partyId(), c.campaignId(), c.policy(), actor);
    } else {
      policies.delete(c.scope(), c.partyId(), c.campaignId(), actor);
    }
    tables.goLive(tables.ofChange(id), campaigns(c.scope(), c.partyId(), c.campaignId()), actor);
    return decide(c, State.APPLIED, note, actor);
  }

  @Transactional
  public Change reject(long id, String note, String actor) {
    Change c = lockPending(id);
    tables.reject(tables.ofChange(id), actor);
    return decide(c, State.REJECTED, note, actor);
  }

  public List<Change> list(State state) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM billing_override_changes WHERE (?::text IS NULL OR state = ?::text)"
                + " ORDER BY id DESC LIMIT 500")
        .params(state == null ? null : state.name(), state == null ? null : state.name())
        .query(this::row)
        .list();
  }

  public Optional<Change> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM billing_override_changes WHERE id = ?")
        .param(id)
        .query(this::row)
        .optional();
  }

  private Change request(
      Action action,
      BillingPolicies.Scope scope,
      String partyId,
      String campaignId,
      PolicyOverride policy,
      String actor) {
    long id =
        jdbc.sql(
                "INSERT INTO billing_override_changes (action, scope, party_id, campaign_id,"
                    + " policy, requested_by) VALUES (?, ?, ?, ?, ?::jsonb, ?) RETURNING id")
            .params(
                action.name(),
                scope.name(),
                partyId,
                campaignId,
                policy == null ? null : RingtreeJson.write(policy),
                actor)
            .query(Long.class)
            .single();
    Change created = find(id).orElseThrow();
    audit.record(
        actor,
        "billing-policy.request",
        "billing_override_change",
        Long.toString(id),
        null,
        created);
    return created;
  }

  private Change lockPending(long id) {
    Change c =
        jdbc.sql("SELECT " + COLUMNS + " FROM billing_override_changes WHERE id = ? FOR UPDATE")
            .param(id)
            .query(this::row)
            .optional()
            .orElseThrow(
                () ->
                    new MoneyProblem(
                        MoneyProblem.Kind.NOT_FOUND, "no billing override change " + id));
    if (c.state() != State.PENDING) {
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT,
          "billing override change " + id + " was " + c.state().name().toLowerCase() + " already");
    }
    return c;
  }

  private Change decide(Change before, State state, String note, String actor) {
    jdbc.sql(
            "UPDATE billing_override_changes SET state = ?, decided_by = ?, decided_at = now(),"
                + " note = ? WHERE id = ?")
        .params(state.name(), actor, note, before.id())
        .update();
    Change after = find(before.id()).orElseThrow();
    audit.record(
        actor,
        state == State.APPLIED ? "billing-policy.request.apply" : "billing-policy.request.reject",
        "billing_override_change",
        Long.toString(before.id()),
        Map.of("state", before.state(), "requestedBy", before.requestedBy()),
        after);
    return after;
  }

  private Change row(ResultSet rs, int i) throws SQLException {
    String policy = rs.getString("policy");
    try {
      return new Change(
          rs.getLong("id"),
          Action.valueOf(rs.getString("action")),
          BillingPolicies.Scope.valueOf(rs.getString("scope")),
          rs.getString("party_id"),
          rs.getString("campaign_id"),
          policy == null ? null : JSON.readValue(policy, PolicyOverride.class),
          State.valueOf(rs.getString("state")),
          rs.getString("requested_by"),
          rs.getTimestamp("requested_at").toInstant(),
          rs.getString("decided_by"),
          rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
          rs.getString("note"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable billing override change " + rs.getLong(1), e);
    }
  }
}
