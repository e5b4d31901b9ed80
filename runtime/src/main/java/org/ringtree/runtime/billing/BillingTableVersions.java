package org.ringtree.runtime.billing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.review.DmnModel;
import org.ringtree.rules.review.DmnReader;
import org.ringtree.rules.review.TableDiff;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.flow.FlowRuntimes;
import org.ringtree.runtime.flow.FlowStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides {@code billing_table_versions} (stored by {@link BillingTableVersionStore}): the
 * effective billing table of each campaign, per buyer and publisher with terms of their own ({@code
 * *} for every other party), as versions that a change to an override proposes and a reviewer lets
 * go live. Settlement books money only on the LIVE version of the call's scope, so a ledger row's
 * {@code rule_ref} always names a table that went live through this class: proposed by a change a
 * reviewer approved (or, without approval, applied by the recorded actor), or computed once from a
 * published flow version plus overrides already live.
 */
@Service
public class BillingTableVersions {

  /** The key for "any other buyer" or "any other publisher". */
  public static final String ANY = "*";

  private final BillingTableVersionStore store;
  private final BillingPolicies policies;
  private final BillingScopes scopes;
  private final FlowRuntimes flows;
  private final Audit audit;
  private final ComplianceSettings settings;

  BillingTableVersions(
      BillingTableVersionStore store,
      BillingPolicies policies,
      FlowRuntimes flows,
      Audit audit,
      ComplianceSettings settings) {
    this.store = store;
    this.policies = policies;
    this.scopes = new BillingScopes(policies);
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
    Optional<Version> v = store.lookup(flow.id(), campaign.id(), buyer, publisher);
    if (v.isEmpty()) {
      materialize(flow, campaign);
      v = store.lookup(flow.id(), campaign.id(), buyer, publisher);
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
      Map<Key, Version> live = store.liveByKey(flow.id(), c.id());
      for (Key k : BillingScopes.of(flow.id(), c, live.keySet(), now, after)) {
        BillingTable t = scopes.table(c, k, after, describe);
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
      Map<Key, Version> live = store.liveByKey(flow.id(), c.id());
      Set<Key> underReview = new HashSet<>();
      store.pendingFlowTables(flow.id(), c.id()).forEach(p -> underReview.add(p.key()));
      for (Key k : BillingScopes.of(flow.id(), c, live.keySet(), now, now)) {
        if (underReview.contains(k) && !byKey.containsKey(k)) {
          // its combined table waits for its own review; the standing table keeps booking
          continue;
        }
        String expected = scopes.table(c, k, now, null).ref();
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
      store.retireLive(p.key());
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
    return store.ofChange(changeId);
  }

  public List<Version> list(State state, String campaignId) {
    return store.list(state, campaignId);
  }

  public Optional<Version> find(long id) {
    return store.find(id);
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
    store.lockScope(flow.id(), c.id());
    if (!store.liveByKey(flow.id(), c.id()).isEmpty()) {
      return;
    }
    BillingPolicies.OverrideSet now = policies.current();
    BillingPolicies.OverrideSet none = new BillingPolicies.OverrideSet(Map.of());
    boolean review = settings.requireApproval();
    String actor = "flow:" + flow.flowId() + " v" + flow.version();
    String author = review ? store.author(flow.id()) : actor;
    for (Key k : BillingScopes.of(flow.id(), c, Set.of(), now, now)) {
      BillingTable combined = scopes.table(c, k, now, null);
      String own = scopes.table(c, k, none, null).ref();
      Optional<String> earlier = store.earlierRef(k);
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
      if (!scopes.table(c, p.key(), now, null).ref().equals(p.tableRef())
          || !java.util.Objects.equals(lookupRef(p.key()), p.previousRef())) {
        throw stale();
      }
    }
    for (Version p : pending) {
      store.retireLive(p.key());
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
    store.lockScope(v.flowVersionId(), v.campaignId());
    List<Version> pending = store.pendingFlowTables(v.flowVersionId(), v.campaignId());
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

  /** The table a scope without a version of its own settles on now (for the diff). */
  private String lookupRef(Key k) {
    return store
        .lookup(k.flowVersionId(), k.campaignId(), k.buyerKey(), k.publisherKey())
        .map(Version::tableRef)
        .orElse(null);
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
        store.insert(
            k, ref, previousRef, changeId, cause, state, approvalRequired, actor, decidedBy);
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
    if (!store.decide(before.id(), state, actor)) {
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
}
