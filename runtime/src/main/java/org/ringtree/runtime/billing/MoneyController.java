package org.ringtree.runtime.billing;

import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.ringtree.rules.billing.PolicyOverride;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.runtime.flow.FlowRuntimes;
import org.ringtree.runtime.flow.FlowStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for disputes ({@code /api/disputes}), bulk adjustments ({@code /api/adjustments}) and
 * billing policy overrides ({@code /api/billing}). Every change is audited under the signed-in user
 * (HTTP Basic or an API key); the roles per path are in the security configuration.
 */
@RestController
class MoneyController {

  private final Disputes disputes;
  private final Adjustments adjustments;
  private final BillingPolicies policies;
  private final FlowRuntimes flows;
  private final AdjustmentRequests adjustmentRequests;
  private final OverrideChanges overrideChanges;
  private final BillingTableVersions tables;
  private final ClawbackRules clawbacks;

  MoneyController(
      ClawbackRules clawbacks,
      BillingTableVersions tables,
      Disputes disputes,
      Adjustments adjustments,
      BillingPolicies policies,
      FlowRuntimes flows,
      AdjustmentRequests adjustmentRequests,
      OverrideChanges overrideChanges) {
    this.clawbacks = clawbacks;
    this.tables = tables;
    this.adjustmentRequests = adjustmentRequests;
    this.overrideChanges = overrideChanges;
    this.disputes = disputes;
    this.adjustments = adjustments;
    this.policies = policies;
    this.flows = flows;
  }

  record OpenDispute(UUID callId, String buyerId, String reason) {}

  record Decision(String note) {}

  @PostMapping("/api/disputes")
  ResponseEntity<Disputes.Dispute> open(Principal actor, @RequestBody OpenDispute body) {
    if (body.callId() == null || body.buyerId() == null) {
      throw new MoneyProblem(MoneyProblem.Kind.INVALID, "need callId and buyerId");
    }
    return ResponseEntity.status(201)
        .body(disputes.open(body.callId(), body.buyerId(), body.reason(), actor.getName()));
  }

  @GetMapping("/api/disputes")
  List<Disputes.Dispute> disputes(@RequestParam(required = false) String state) {
    return disputes.list(state == null ? null : state.toUpperCase(Locale.ROOT));
  }

  @GetMapping("/api/disputes/{id}")
  ResponseEntity<Disputes.Dispute> dispute(@PathVariable long id) {
    return ResponseEntity.of(disputes.get(id));
  }

  @PostMapping("/api/disputes/{id}/approve")
  Disputes.Approval approve(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
    return disputes.approve(id, body == null ? null : body.note(), actor.getName());
  }

  @PostMapping("/api/disputes/{id}/reject")
  Disputes.Dispute reject(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
    return disputes.reject(id, body == null ? null : body.note(), actor.getName());
  }

  @PostMapping("/api/adjustments/preview")
  Adjustments.Summary preview(@RequestBody Adjustments.Request body) {
    return adjustments.preview(body);
  }

  record Apply(Adjustments.Filter filter, Adjustments.Action action, String previewToken) {}

  @PostMapping("/api/adjustments/apply")
  Adjustments.Applied apply(Principal actor, @RequestBody Apply body) {
    if (body.previewToken() == null) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "preview first, then apply with its previewToken");
    }
    return adjustments.applyAlone(
        new Adjustments.Request(body.filter(), body.action()),
        body.previewToken(),
        actor.getName());
  }

  /** Asks for a previewed batch; a second person applies or rejects it. */
  @PostMapping("/api/adjustments/requests")
  ResponseEntity<AdjustmentRequests.AdjustmentRequest> requestAdjustment(
      Principal actor, @RequestBody Apply body) {
    if (body.previewToken() == null) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "preview first, then ask with its previewToken");
    }
    return ResponseEntity.status(201)
        .body(
            adjustmentRequests.request(
                new Adjustments.Request(body.filter(), body.action()),
                body.previewToken(),
                actor.getName()));
  }

  @GetMapping("/api/adjustments/requests")
  List<AdjustmentRequests.AdjustmentRequest> adjustmentRequests(
      @RequestParam(required = false) String state) {
    return adjustmentRequests.list(
        state == null ? null : AdjustmentRequests.State.valueOf(state.toUpperCase(Locale.ROOT)));
  }

  @PostMapping("/api/adjustments/requests/{id}/apply")
  AdjustmentRequests.AdjustmentRequest applyRequested(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
    return adjustmentRequests.apply(id, body == null ? null : body.note(), actor.getName());
  }

  @PostMapping("/api/adjustments/requests/{id}/reject")
  AdjustmentRequests.AdjustmentRequest rejectRequested(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
    return adjustmentRequests.reject(id, body == null ? null : body.note(), actor.getName());
  }

  record Clawback(java.math.BigDecimal percent) {}

  /** Each campaign's clawback rule; a campaign not listed claws back 100 % of the payout. */
  @GetMapping("/api/billing/clawback-rules")
  List<ClawbackRules.Rule> clawbackRules() {
    return clawbacks.list();
  }

  @PutMapping("/api/billing/clawback-rules/{campaignId}")
  ClawbackRules.Rule setClawbackRule(
      Principal actor, @PathVariable String campaignId, @RequestBody Clawback body) {
    return clawbacks.set(campaignId, body == null ? null : body.percent(), actor.getName());
  }

  @GetMapping("/api/billing/overrides")
  List<BillingPolicies.StoredOverride> overrides() {
    return policies.list();
  }

  /**
   * scope: campaign, buyer or publisher; {@code campaign}: only on that campaign. With approval
   * required, 202 with the pending change that a second person applies.
   */
  @PutMapping("/api/billing/overrides/{scope}/{partyId}")
  ResponseEntity<Object> saveOverride(
      Principal actor,
      @PathVariable String scope,
      @PathVariable String partyId,
      @RequestParam(required = false) String campaign,
      @RequestBody PolicyOverride body) {
    OverrideChanges.Outcome outcome =
        overrideChanges.save(scope(scope), partyId, campaign, body, actor.getName());
    return outcome.pending() != null
        ? ResponseEntity.accepted().body(outcome.pending())
        : ResponseEntity.ok(outcome.applied());
  }

  @DeleteMapping("/api/billing/overrides/{scope}/{partyId}")
  ResponseEntity<Object> deleteOverride(
      Principal actor,
      @PathVariable String scope,
      @PathVariable String partyId,
      @RequestParam(required = false) String campaign) {
    OverrideChanges.Outcome outcome =
        overrideChanges.delete(scope(scope), partyId, campaign, actor.getName());
    if (outcome.pending() != null) {
      return ResponseEntity.accepted().body(outcome.pending());
    }
    return outcome.deleted()
        ? ResponseEntity.noContent().build()
        : ResponseEntity.notFound().build();
  }

  @GetMapping("/api/billing/override-changes")
  List<OverrideChanges.Change> overrideChanges(@RequestParam(required = false) String state) {
    return overrideChanges.list(
        state == null ? null : OverrideChanges.State.valueOf(state.toUpperCase(Locale.ROOT)));
  }

  @PostMapping("/api/billing/override-changes/{id}/apply")
  OverrideChanges.Change applyOverrideChange(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
    return overrideChanges.apply(id, body == null ? null : body.note(), actor.getName());
  }

  @PostMapping("/api/billing/override-changes/{id}/reject")
  OverrideChanges.Change rejectOverrideChange(
      Principal actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
    return overrideChanges.reject(id, body == null ? null : body.note(), actor.getName());
  }

  /** The effective policy of a campaign for one buyer and publisher, and its table's ref. */
  @GetMapping("/api/billing/effective")
  Map<String, Object> effective(
      @RequestParam String campaign,
      @RequestParam(required = false) String buyer,
      @RequestParam(required = false) String publisher) {
    FlowStore.StoredVersion flow =
        flows
            .liveForCampaign(campaign)
            .filter(
                v ->
                    v.compiled()
                        .directory()
                        .campaign(campaign)
                        .filter(x -> x.payout() != null)
                        .isPresent())
            .orElseThrow(
                () ->
                    new MoneyProblem(
                        MoneyProblem.Kind.NOT_FOUND,
                        "campaign " + campaign + " has no live flow with a payout policy"));
    Campaign c = flow.compiled().directory().campaign(campaign).orElseThrow();
    BillingTableVersions.Live live = tables.live(flow, c, buyer, publisher);
    return Map.of(
        "ref",
        live.table().ref(),
        "version",
        live.version(),
        "policy",
        live.table().policy(),
        "overrides",
        policies.effective(c, buyer, publisher).applied(),
        "dmn",
        "/api/billing/tables/" + live.table().ref());
  }

  /** A billing table as a standard .dmn file; also accepts a ledger row's rule_ref. */
  @GetMapping(value = "/api/billing/tables/{ref}", produces = MediaType.APPLICATION_XML_VALUE)
  ResponseEntity<String> table(@PathVariable String ref) {
    return ResponseEntity.of(policies.dmn(ref));
  }

  private static BillingPolicies.Scope scope(String s) {
    try {
      return BillingPolicies.Scope.valueOf(s.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new MoneyProblem(
          MoneyProblem.Kind.INVALID, "scope must be campaign, buyer or publisher");
    }
  }
}
