package org.ringtree.runtime.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ringtree.rules.billing.BillingPolicy;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.billing.PolicyOverride;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.directory.PayoutPolicy;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.database.Store;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Billing policy overrides and the effective policy of a call. The campaign's payout policy (as
 * published in the call's flow version) is the base; on top of it, in this order, the overrides for
 * the campaign, the buyer on any campaign, the buyer on this campaign, the publisher on any
 * campaign and the publisher on this campaign. The result is compiled to a {@link BillingTable}
 * (cached by content) and stored in {@code billing_tables} the first time it decides a call.
 */
@Service
@Store(
    owns = {"billing_tables", "billing_policy_overrides"},
    reads = "campaigns")
public class BillingPolicies {

  private static final ObjectMapper JSON = RingtreeJson.mapper();

  /** A neutral base that overrides are validated against when saved. */
  private static final BillingPolicy NEUTRAL =
      BillingPolicy.of(PayoutPolicy.fixed(0, 0, Money.usd("0"), 0));

  private final JdbcClient jdbc;
  private final Audit audit;
  private final Map<String, BillingTable> tables = new ConcurrentHashMap<>();
  private final Map<String, Long> tableUsedNanos = new ConcurrentHashMap<>();

  BillingPolicies(JdbcClient jdbc, Audit audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Who an override applies to. */
  public enum Scope {
    CAMPAIGN,
    BUYER,
    PUBLISHER
  }

  /** A saved override; {@code campaignId} null means every campaign (BUYER, PUBLISHER). */
  public record StoredOverride(
      long id,
      Scope scope,
      String partyId,
      String campaignId,
      PolicyOverride policy,
      String updatedBy,
      Instant updatedAt) {}

  /** The effective policy and where each layer came from. */
  public record Effective(BillingPolicy policy, List<StoredOverride> applied) {}

  /**
   * The overrides at one moment, or as they would be after a change: what proposed billing tables
   * are computed from without touching the stored overrides.
   */
  public record OverrideSet(Map<String, StoredOverride> byKey) {

    public Optional<StoredOverride> find(Scope scope, String partyId, String campaignId) {
      return partyId == null
          ? Optional.empty()
          : Optional.ofNullable(byKey.get(key(scope, partyId, campaignId)));
    }

    /** This set with one override saved ({@code policy} non-null) or removed. */
    public OverrideSet with(Scope scope, String partyId, String campaignId, PolicyOverride policy) {
      Map<String, StoredOverride> copy = new java.util.TreeMap<>(byKey);
      if (policy == null) {
        copy.remove(key(scope, partyId, campaignId));
      } else {
        copy.put(
            key(scope, partyId, campaignId),
            new StoredOverride(0, scope, partyId, campaignId, policy, null, null));
      }
      return new OverrideSet(copy);
    }

    /** Buyers with terms of their own on the campaign (else they share the campaign's table). */
    java.util.SortedSet<String> buyersWithTerms(Campaign c) {
      java.util.SortedSet<String> out = new java.util.TreeSet<>(c.buyerMinSeconds().keySet());
      parties(Scope.BUYER, c.id(), out);
      return out;
    }

    /** Publishers with terms of their own on the campaign. */
    java.util.SortedSet<String> publishersWithTerms(Campaign c) {
      java.util.SortedSet<String> out = new java.util.TreeSet<>(c.publisherPayouts().keySet());
      parties(Scope.PUBLISHER, c.id(), out);
      return out;
    }

    private void parties(Scope scope, String campaignId, java.util.Set<String> out) {
      for (StoredOverride o : byKey.values()) {
        if (o.scope() == scope && (o.campaignId() == null || o.campaignId().equals(campaignId))) {
          out.add(o.partyId());
        }
      }
    }
  }

  /** The overrides stored now. */
  public OverrideSet current() {
    Map<String, StoredOverride> m = new java.util.TreeMap<>();
    for (StoredOverride o : list()) {
      m.put(key(o.scope(), o.partyId(), o.campaignId()), o);
    }
    return new OverrideSet(m);
  }

  public Effective effective(Campaign campaign, String buyerId, String publisherId) {
    return effective(campaign, buyerId, publisherId, current());
  }

  /** The effective policy under a given set of overrides. */
  public static Effective effective(
      Campaign campaign, String buyerId, String publisherId, OverrideSet overrides) {
    BillingPolicy p = BillingPolicy.base(campaign, buyerId, publisherId);
    List<StoredOverride> applied = new java.util.ArrayList<>();
    for (Optional<StoredOverride> layer :
        List.of(
            overrides.find(Scope.CAMPAIGN, campaign.id(), null),
            overrides.find(Scope.BUYER, buyerId, null),
            overrides.find(Scope.BUYER, buyerId, campaign.id()),
            overrides.find(Scope.PUBLISHER, publisherId, null),
            overrides.find(Scope.PUBLISHER, publisherId, campaign.id()))) {
      if (layer.isPresent()) {
        p = layer.get().policy().applyTo(p);
        applied.add(layer.get());
      }
    }
    return new Effective(p, applied);
  }

  /**
   * The compiled table of a policy, stored (in the caller's transaction) so its rule references
   * resolve forever. Compiled tables are cached; the insert runs every time because a cached
   * table's first insert may have been rolled back with its transaction.
   */
  public BillingTable table(BillingPolicy policy) {
    String ref = BillingTable.refOf(policy);
    BillingTable t = tables.computeIfAbsent(ref, r -> BillingTable.compile(policy));
    tableUsedNanos.put(ref, System.nanoTime());
    jdbc.sql(
            "INSERT INTO billing_tables (ref, policy, dmn) VALUES (?, ?::jsonb, ?)"
                + " ON CONFLICT (ref) DO NOTHING")
        .params(t.ref(), t.policyJson(), t.dmn())
        .update();
    return t;
  }

  /**
   * A stored table by its ref, compiled from the policy stored with it (and checked to be that
   * policy): what settlement runs, so the table that books money is the one a reviewer saw.
   */
  public BillingTable storedTable(String ref) {
    BillingTable t = tables.get(ref);
    if (t == null) {
      String policy =
          jdbc.sql("SELECT policy::text FROM billing_tables WHERE ref = ?")
              .param(ref)
              .query(String.class)
              .optional()
              .orElseThrow(() -> new IllegalStateException("no stored billing table " + ref));
      try {
        t = BillingTable.compile(JSON.readValue(policy, BillingPolicy.class));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("unreadable billing table " + ref, e);
      }
      if (!t.ref().equals(ref)) {
        throw new IllegalStateException("billing table " + ref + " compiles to " + t.ref());
      }
      tables.put(ref, t);
    }
    tableUsedNanos.put(ref, System.nanoTime());
    return t;
  }

  /** The ids of all campaigns. */
  List<String> campaignIds() {
    return jdbc.sql("SELECT id FROM campaigns ORDER BY id").query(String.class).list();
  }

  /**
   * Drops compiled tables not used to settle a call during {@code idle} (the stored table stays; a
   * call that needs it again compiles it again); returns how many.
   */
  public int evictTablesIdleFor(java.time.Duration idle) {
    long now = System.nanoTime();
    int dropped = 0;
    for (Map.Entry<String, Long> e : tableUsedNanos.entrySet()) {
      if (now - e.getValue() >= idle.toNanos()) {
        tables.remove(e.getKey());
        tableUsedNanos.remove(e.getKey(), e.getValue());
        dropped++;
      }
    }
    return dropped;
  }

  /** How many compiled tables this node holds. */
  public int compiledTables() {
    return tables.size();
  }

  /** The stored .dmn of a table reference ({@code bt-…}, or a full rule ref {@code bt-…#row}). */
  public Optional<String> dmn(String ref) {
    String table = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
    return jdbc.sql("SELECT dmn FROM billing_tables WHERE ref = ?")
        .param(table)
        .query(String.class)
        .optional();
  }

  public List<StoredOverride> list() {
    return jdbc.sql(
            "SELECT id, scope, party_id, campaign_id, policy::text, updated_by, updated_at"
                + " FROM billing_policy_overrides ORDER BY scope, party_id, campaign_id NULLS FIRST")
        .query((rs, i) -> row(rs))
        .list();
  }

  public Optional<StoredOverride> find(Scope scope, String partyId, String campaignId) {
    if (partyId == null) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT id, scope, party_id, campaign_id, policy::text, updated_by, updated_at"
                + " FROM billing_policy_overrides WHERE scope = ? AND party_id = ?"
                + " AND coalesce(campaign_id, '') = coalesce(?, '')")
        .params(scope.name(), partyId, campaignId)
        .query((rs, i) -> row(rs))
        .optional();
  }

  /** Saves (replaces) an override after checking it makes a valid policy; audited. */
  public StoredOverride save(
      Scope scope, String partyId, String campaignId, PolicyOverride policy, String actor) {
    check(scope, partyId, campaignId, policy);
    Optional<StoredOverride> before = find(scope, partyId, campaignId);
    String json = RingtreeJson.write(policy);
    if (before.isPresent()) {
      jdbc.sql(
              "UPDATE billing_policy_overrides SET policy = ?::jsonb, updated_by = ?,"
                  + " updated_at = now() WHERE id = ?")
          .params(json, actor, before.get().id())
          .update();
    } else {
      jdbc.sql(
              "INSERT INTO billing_policy_overrides (scope, party_id, campaign_id, policy,"
                  + " updated_by) VALUES (?, ?, ?, ?::jsonb, ?)")
          .params(scope.name(), partyId, campaignId, json, actor)
          .update();
    }
    StoredOverride after = find(scope, partyId, campaignId).orElseThrow();
    audit.record(
        actor,
        "billing-policy.save",
        "billing_policy_override",
        key(scope, partyId, campaignId),
        before.orElse(null),
        after);
    return after;
  }

  /** Whether the override names existing parties and makes a valid policy (else a problem). */
  void check(Scope scope, String partyId, String campaignId, PolicyOverride policy) {
    if (scope == Scope.CAMPAIGN && campaignId != null) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "a campaign override names the campaign as its party");
    }
    String table =
        switch (scope) {
          case CAMPAIGN -> "campaigns";
          case BUYER -> "buyers";
          case PUBLISHER -> "publishers";
        };
    if (!exists(table, partyId) || (campaignId != null && !exists("campaigns", campaignId))) {
      throw new MoneyProblem(
          MoneyProblem.Kind.NOT_FOUND, "no such " + scope.name().toLowerCase() + " or campaign");
    }
    policy.applyTo(NEUTRAL);
  }

  public boolean delete(Scope scope, String partyId, String campaignId, String actor) {
    Optional<StoredOverride> before = find(scope, partyId, campaignId);
    if (before.isEmpty()) {
      return false;
    }
    jdbc.sql("DELETE FROM billing_policy_overrides WHERE id = ?").param(before.get().id()).update();
    audit.record(
        actor,
        "billing-policy.delete",
        "billing_policy_override",
        key(scope, partyId, campaignId),
        before.get(),
        null);
    return true;
  }

  private boolean exists(String table, String id) {
    return jdbc.sql("SELECT count(*) FROM " + table + " WHERE id = ?")
            .param(id)
            .query(Long.class)
            .single()
        > 0;
  }

  private static String key(Scope scope, String partyId, String campaignId) {
    return scope + ":" + partyId + (campaignId == null ? "" : "@" + campaignId);
  }

  private static StoredOverride row(java.sql.ResultSet rs) throws java.sql.SQLException {
    try {
      return new StoredOverride(
          rs.getLong(1),
          Scope.valueOf(rs.getString(2)),
          rs.getString(3),
          rs.getString(4),
          JSON.readValue(rs.getString(5), PolicyOverride.class),
          rs.getString(6),
          rs.getTimestamp(7).toInstant());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable billing override " + rs.getLong(1), e);
    }
  }
}
