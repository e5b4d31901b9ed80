package org.ringtree.runtime.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.review.DmnModel;
import org.ringtree.rules.review.DmnReader;
import org.ringtree.rules.review.TableDiff;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.database.Store;
import org.ringtree.runtime.flow.FlowRuntimes;
import org.ringtree.runtime.flow.FlowStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Owns {@code billing_table_versions}: the effective billing table of each campaign, per buyer and
 * publisher with terms of their own ({@code *} for every other party), as versions that a change to
 * an override proposes and a reviewer lets go live. Settlement books money only on the LIVE version
 * of the call's scope, so a ledger row's {@code rule_ref} always names a table that went live
 * through this store: proposed by a change a reviewer approved (or, without approval, applied by
 * the recorded actor), or computed once from a published flow version plus overrides already live.
 */
@Service
@Store(owns = "billing_table_versions", reads = "flow_versions")
public class BillingTableVersions {

  /** The key for "any other buyer" or "any other publisher". */
  public static final String ANY = "*";

  private static final String COLUMNS =
      "id, flow_version_id, campaign_id, buyer_key, publisher_key, table_ref, previous_ref,"
          + " change_id, cause, state, approval_required, requested_by, requested_at, decided_by,"
          + " decided_at";

  private final JdbcClient jdbc;
  private final BillingPolicies policies;
  private final FlowRuntimes flows;
  private final Audit audit;
  private final ComplianceSettings settings;

  BillingTableVersions(
      JdbcClient jdbc,
      BillingPolicies policies,
      FlowRuntimes flows,
      Audit audit,
      ComplianceSettings settings) {
    this.jdbc = jdbc;
    this.policies = policies;
    this.flows = flows;
    this.audit = audit;
    this.settings = settings;
  }

  public enum State {
    PENDING,
    LIVE,
    RETIRED,
    REJECTED
  }

  /** Why a version exists: a published flow version, or a change to an override. */
  public enum Cause {
    FLOW,
    OVERRIDE
  }

  public record Version(
      long id,
      long flowVersionId,
      String campaignId,
      String buyerKey,
      String publisherKey,
      String tableRef,
      String previousRef,
      Long changeId,
      Cause cause,
      State state,
      boolean approvalRequired,
      String requestedBy,
      Instant requestedAt,
      String decidedBy,
      Instant decidedAt) {

    Key key() {
      return new Key(flowVersionId, campaignId, buyerKey, publisherKey);
    }
  }

  /** A version with what the reviewer sees: the row-level diff against the table it replaces. */
  public record Review(Version version, String dmn, List<TableDiff> diff) {}

  /** The live version a call settles on, and its compiled table. */
  public record Live(Version version, BillingTable table) {}

  record Key(long flowVersionId, String campaignId, String buyerKey, String publisherKey) {}

  /**
   * The live table for a call of this flow version, buyer and publisher: the scope's own version,
   * else the buyer's or the publisher's on any other party, else the campaign's.
   */
  public Live live(
      FlowStore.StoredVersion flow, Campaign campaign, String buyer, String publisher) {
    Optional<Version> v = lookup(flow.id(), campaign.id(), buyer, publisher);
    if (v.isEmpty()) {
      materialize(flow, campaign);
      v = lookup(flow.id(), campaign.id(), buyer, publisher);
    }
    Version found =
        v.orElseThrow(
            () -> new IllegalStateException("no live billing table for " + campaign.id()));
    return new Live(found, policies.storedTable(found.tableRef()));
  }

  /**
   * Proposes the tables that an override change would make, for every campaign it touches with a
   * live flow: one PENDING version per scope whose table differs from the live one. Refuses, with
   * the reason, a change that would make any of them invalid.
   */
  List<Version> propose(
      Long changeId,
      BillingPolicies.OverrideSet after,
      Collection<String> campaigns,
      String describe,
      String actor,
      boolean approvalRequired) {
    List<Version> out = new ArrayList<>();
    BillingPolicies.OverrideSet now = policies.current();
    for (String campaignId : campaigns) {
      Optional<FlowAndCampaign> fc = liveCampaign(campaignId);
      if (fc.isEmpty()) {
        continue;
      }
      FlowStore.StoredVersion flow = fc.get().flow();
      Campaign c = fc.get().campaign();
      materialize(flow, c);
      Map<Key, Version> live = liveByKey(flow.id(), c.id());
      for (Key k : scopes(flow.id(), c, live.keySet(), now, after)) {
        BillingTable t = tableFor(c, k, after, describe);
        Version current = live.get(k);
        if (current != null && current.tableRef().equals(t.ref())) {
          continue;
        }
        out.add(
            insert(
                k,
                t.ref(),
                current == null ? lookupRef(k) : current.tableRef(),
                changeId,
                Cause.OVERRIDE,
                State.PENDING,
                approvalRequired,
                actor,
                null));
      }
    }
    return out;
  }

  /**
   * Puts proposed versions live once the overrides they came from are stored, after checking that
   * every scope's table is now exactly what was proposed (or unchanged): if another change went
   * live in between, the reviewed tables are no longer the ones that would book money, so the
   * change is refused and must be asked for again.
   */
  void goLive(List<Version> proposed, Collection<String> campaigns, String actor) {
    BillingPolicies.OverrideSet now = policies.current();
    Map<Key, Version> byKey = new HashMap<>();
    proposed.forEach(v -> byKey.put(v.key(), v));
    Set<String> touched = new LinkedHashSet<>(campaigns);
    proposed.forEach(v -> touched.add(v.campaignId()));
    for (String campaignId : touched) {
      Optional<FlowAndCampaign> fc = liveCampaign(campaignId);
      if (fc.isEmpty()) {
        continue;
      }
      FlowStore.StoredVersion flow = fc.get().flow();
      Campaign c = fc.get().campaign();
      materialize(flow, c);
      Map<Key, Version> live = liveByKey(flow.id(), c.id());
      Set<Key> underReview = pendingFlowKeys(flow.id(), c.id());
      for (Key k : scopes(flow.id(), c, live.keySet(), now, now)) {
        if (underReview.contains(k) && !byKey.containsKey(k)) {
          // its combined table waits for its own review; the standing table keeps booking
          continue;
        }
        String expected = tableFor(c, k, now, null).ref();
        Version p = byKey.get(k);
        String actual =
            p != null ? p.tableRef() : live.containsKey(k) ? live.get(k).tableRef() : null;
        if (!expected.equals(actual)) {
          throw stale();
        }
      }
    }
    for (Version p : proposed) {
      Optional<FlowAndCampaign> fc = liveCampaign(p.campaignId());
      // the diff the reviewer saw must still be against the table the scope settles on now
      if (fc.isEmpty()
          || fc.get().flow().id() != p.flowVersionId()
          || !java.util.Objects.equals(lookupRef(p.key()), p.previousRef())) {
        throw stale();
      }
    }
    for (Version p : proposed) {
      jdbc.sql(
              "UPDATE billing_table_versions SET state = 'RETIRED' WHERE state = 'LIVE'"
                  + " AND flow_version_id = ? AND campaign_id = ? AND buyer_key = ?"
                  + " AND publisher_key = ?")
          .params(p.flowVersionId(), p.campaignId(), p.buyerKey(), p.publisherKey())
          .update();
      decide(p, State.LIVE, actor);
    }
  }

  /** Rejects the proposed versions of a change. */
  void reject(List<Version> proposed, String actor) {
    for (Version p : proposed) {
      decide(p, State.REJECTED, actor);
    }
  }

  public List<Version> ofChange(long changeId) {
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM billing_table_versions WHERE change_id = ? ORDER BY id")
        .param(changeId)
        .query(this::row)
        .list();
  }

  public List<Version> list(State state, String campaignId) {
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

  public Optional<Version> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM billing_table_versions WHERE id = ?")
        .param(id)
        .query(this::row)
        .optional();
  }

  /** What a reviewer sees for a version: its table and the diff against the one it replaces. */
  public Review review(Version v) {
    String dmn = policies.dmn(v.tableRef()).orElseThrow();
    DmnModel after = DmnReader.read(dmn, List.of());
    DmnModel before =
        v.previousRef() == null
            ? new DmnModel(after.name(), after.namespace(), List.of())
            : DmnReader.read(policies.dmn(v.previousRef()).orElseThrow(), List.of());
    return new Review(
        v, dmn, TableDiff.between(before, after).stream().filter(d -> !d.isEmpty()).toList());
  }

  /**
   * The first time a flow version's campaign is billed (or changed), its tables are computed from
   * the flow version's payout policy and the overrides live now. A scope whose table is exactly one
   * a reviewer has seen (the flow version's own billing table, reviewed with the flow, or the table
   * the scope booked on under an earlier flow version) goes live at once, recorded as caused by the
   * flow version. Any other combined table is new: with approval required it is proposed (PENDING)
   * for review like an override change, and until someone other than the flow's author approves it
   * the scope books on its standing table, the earlier version's (or, for a new campaign, the
   * flow's own); without approval it goes live at once, recorded.
   */
  void materialize(FlowStore.StoredVersion flow, Campaign c) {
    lockScope(flow.id(), c.id());
    Map<Key, Version> live = liveByKey(flow.id(), c.id());
    if (!live.isEmpty()) {
      return;
    }
    BillingPolicies.OverrideSet now = policies.current();
    BillingPolicies.OverrideSet none = new BillingPolicies.OverrideSet(Map.of());
    boolean review = settings.requireApproval();
    String actor = "flow:" + flow.flowId() + " v" + flow.version();
    String author = review ? author(flow.id()) : actor;
    for (Key k : scopes(flow.id(), c, Set.of(), now, now)) {
      BillingTable combined = tableFor(c, k, now, null);
      String own = tableFor(c, k, none, null).ref();
      Optional<String> earlier = earlierRef(k);
      boolean seen =
          combined.ref().equals(own) || earlier.filter(combined.ref()::equals).isPresent();
      if (seen || !review) {
        insert(
            k,
            combined.ref(),
            earlier.orElse(null),
            null,
            Cause.FLOW,
            State.LIVE,
            false,
            actor,
            actor);
        continue;
      }
      String standing = earlier.orElse(own);
      insert(k, standing, earlier.orElse(null), null, Cause.FLOW, State.LIVE, false, actor, actor);
      insert(k, combined.ref(), standing, null, Cause.FLOW, State.PENDING, true, author, null);
    }
  }

  /**
   * A reviewer other than the flow version's author puts its proposed combined tables of one
   * campaign live, after checking they are still what the overrides make and still replace the
   * tables the campaign books on now (else 409: the overrides changed; an override change then
   * carries the difference through its own review).
   */
  @Transactional
  public List<Version> approveFlowTables(long id, String actor) {
    List<Version> pending = pendingFlowTables(id, actor);
    Version first = pending.get(0);
    FlowStore.StoredVersion flow = flows.byId(first.flowVersionId());
    Campaign c =
        flow.compiled()
            .directory()
            .campaign(first.campaignId())
            .orElseThrow(BillingTableVersions::stale);
    BillingPolicies.OverrideSet now = policies.current();
    for (Version p : pending) {
      if (!tableFor(c, p.key(), now, null).ref().equals(p.tableRef())
          || !java.util.Objects.equals(lookupRef(p.key()), p.previousRef())) {
        throw stale();
      }
    }
    for (Version p : pending) {
      jdbc.sql(
              "UPDATE billing_table_versions SET state = 'RETIRED' WHERE state = 'LIVE'"
                  + " AND flow_version_id = ? AND campaign_id = ? AND buyer_key = ?"
                  + " AND publisher_key = ?")
          .params(p.flowVersionId(), p.campaignId(), p.buyerKey(), p.publisherKey())
          .update();
      decide(p, State.LIVE, actor);
    }
    return pending.stream().map(p -> find(p.id()).orElseThrow()).toList();
  }

  /** Rejects a flow version's proposed combined tables: the standing tables keep booking. */
  @Transactional
  public List<Version> rejectFlowTables(long id, String actor) {
    List<Version> pending = pendingFlowTables(id, actor);
    for (Version p : pending) {
      decide(p, State.REJECTED, actor);
    }
    return pending.stream().map(p -> find(p.id()).orElseThrow()).toList();
  }

  /** The pending tables a flow version proposed for the campaign of version {@code id}. */
  private List<Version> pendingFlowTables(long id, String actor) {
    Version v =
        find(id)
            .orElseThrow(
                () -> new MoneyProblem(MoneyProblem.Kind.NOT_FOUND, "no billing table " + id));
    if (v.cause() != Cause.FLOW || v.state() != State.PENDING) {
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT,
          "billing table version "
              + id
              + " is "
              + v.state().name().toLowerCase(java.util.Locale.ROOT));
    }
    lockScope(v.flowVersionId(), v.campaignId());
    List<Version> pending =
        jdbc.sql(
                "SELECT "
                    + COLUMNS
                    + " FROM billing_table_versions WHERE state = 'PENDING' AND cause = 'FLOW'"
                    + " AND flow_version_id = ? AND campaign_id = ? ORDER BY id")
            .params(v.flowVersionId(), v.campaignId())
            .query(this::row)
            .list();
    if (pending.isEmpty()) {
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT, "billing table version " + id + " was decided already");
    }
    if (pending.stream().anyMatch(p -> p.requestedBy().equals(actor))) {
      throw new MoneyProblem(
          MoneyProblem.Kind.FORBIDDEN,
          "a flow version's billing tables are decided by someone other than its author ("
              + actor
              + ")");
    }
    return pending;
  }

  private void lockScope(long flowVersionId, String campaignId) {
    jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(hashtext(?))")
        .param("billing-table-versions:" + flowVersionId + ":" + campaignId)
        .query(Integer.class)
        .single();
  }

  /** Who wrote the flow version: the person who may not approve what it proposes. */
  private String author(long flowVersionId) {
    return jdbc.sql("SELECT author FROM flow_versions WHERE id = ?")
        .param(flowVersionId)
        .query(String.class)
        .single();
  }

  /** The table the same campaign and scope last went live on under an earlier flow version. */
  private Optional<String> earlierRef(Key k) {
    return jdbc.sql(
            "SELECT table_ref FROM billing_table_versions WHERE campaign_id = ? AND buyer_key = ?"
                + " AND publisher_key = ? AND flow_version_id <> ? AND state IN ('LIVE', 'RETIRED')"
                + " ORDER BY decided_at DESC, id DESC LIMIT 1")
        .params(k.campaignId(), k.buyerKey(), k.publisherKey(), k.flowVersionId())
        .query(String.class)
        .optional();
  }

  private Set<Key> pendingFlowKeys(long flowVersionId, String campaignId) {
    Set<Key> out = new java.util.HashSet<>();
    jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM billing_table_versions WHERE state = 'PENDING' AND cause = 'FLOW'"
                + " AND flow_version_id = ? AND campaign_id = ?")
        .params(flowVersionId, campaignId)
        .query(this::row)
        .list()
        .forEach(v -> out.add(v.key()));
    return out;
  }

  private Optional<Version> lookup(
      long flowVersionId, String campaignId, String buyer, String publisher) {
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " FROM billing_table_versions WHERE state = 'LIVE' AND flow_version_id = ?"
                + " AND campaign_id = ? AND buyer_key IN (?, '*') AND publisher_key IN (?, '*')"
                + " ORDER BY buyer_key = '*', publisher_key = '*' LIMIT 1")
        .params(
            flowVersionId,
            campaignId,
            buyer == null ? ANY : buyer,
            publisher == null ? ANY : publisher)
        .query(this::row)
        .optional();
  }

  /** The table a scope without a version of its own settles on now (for the diff). */
  private String lookupRef(Key k) {
    return lookup(k.flowVersionId(), k.campaignId(), k.buyerKey(), k.publisherKey())
        .map(Version::tableRef)
        .orElse(null);
  }

  private Map<Key, Version> liveByKey(long flowVersionId, String campaignId) {
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

  /**
   * Every scope of a campaign: each buyer and publisher with terms of their own before or after the
   * change (or a version already), crossed, with {@code *} for all the others.
   */
  private static List<Key> scopes(
      long flowVersionId,
      Campaign c,
      Set<Key> existing,
      BillingPolicies.OverrideSet before,
      BillingPolicies.OverrideSet after) {
    SortedSet<String> buyers = new TreeSet<>(before.buyersWithTerms(c));
    buyers.addAll(after.buyersWithTerms(c));
    SortedSet<String> publishers = new TreeSet<>(before.publishersWithTerms(c));
    publishers.addAll(after.publishersWithTerms(c));
    for (Key k : existing) {
      buyers.add(k.buyerKey());
      publishers.add(k.publisherKey());
    }
    buyers.add(ANY);
    publishers.add(ANY);
    List<Key> out = new ArrayList<>();
    for (String b : buyers) {
      for (String p : publishers) {
        out.add(new Key(flowVersionId, c.id(), b, p));
      }
    }
    return out;
  }

  private BillingTable tableFor(
      Campaign c, Key k, BillingPolicies.OverrideSet overrides, String describe) {
    try {
      return policies.table(
          BillingPolicies.effective(
                  c,
                  ANY.equals(k.buyerKey()) ? null : k.buyerKey(),
                  ANY.equals(k.publisherKey()) ? null : k.publisherKey(),
                  overrides)
              .policy());
    } catch (IllegalArgumentException e) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID,
          (describe == null ? "the overrides" : describe)
              + " would make the billing table of campaign "
              + c.id()
              + " (buyer "
              + k.buyerKey()
              + ", publisher "
              + k.publisherKey()
              + ") invalid: "
              + e.getMessage());
    }
  }

  private record FlowAndCampaign(FlowStore.StoredVersion flow, Campaign campaign) {}

  private Optional<FlowAndCampaign> liveCampaign(String campaignId) {
    return flows
        .liveForCampaign(campaignId)
        .flatMap(
            v ->
                v.compiled()
                    .directory()
                    .campaign(campaignId)
                    .filter(c -> c.payout() != null)
                    .map(c -> new FlowAndCampaign(v, c)));
  }

  private static MoneyProblem stale() {
    return new MoneyProblem(
        MoneyProblem.Kind.CONFLICT,
        "the billing tables changed since this change was asked for (another change or a new flow"
            + " version went live): reject it and ask again, so the tables that go live are the"
            + " ones reviewed");
  }

  private Version insert(
      Key k,
      String ref,
      String previousRef,
      Long changeId,
      Cause cause,
      State state,
      boolean approvalRequired,
      String actor,
      String decidedBy) {
    long id =
        jdbc.sql(
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
    Version created = find(id).orElseThrow();
    audit.record(
        actor,
        state == State.LIVE ? "billing-table.live" : "billing-table.propose",
        "billing_table_version",
        Long.toString(id),
        null,
        created);
    return created;
  }

  private void decide(Version before, State state, String actor) {
    int n =
        jdbc.sql(
                "UPDATE billing_table_versions SET state = ?, decided_by = ?, decided_at = now()"
                    + " WHERE id = ? AND state = 'PENDING'")
            .params(state.name(), actor, before.id())
            .update();
    if (n != 1) {
      throw new MoneyProblem(
          MoneyProblem.Kind.CONFLICT, "billing table version " + before.id() + " is not pending");
    }
    Version after = find(before.id()).orElseThrow();
    audit.record(
        actor,
        state == State.LIVE ? "billing-table.approve" : "billing-table.reject",
        "billing_table_version",
        Long.toString(before.id()),
        Map.of("state", before.state(), "requestedBy", before.requestedBy()),
        after);
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
