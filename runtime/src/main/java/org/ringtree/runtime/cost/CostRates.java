package org.ringtree.runtime.cost;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.audit.AuditLogStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing the telephony rates. Rates are money settings, so nobody changes them alone while
 * approval is required: a change is a pending version that someone else approves (it goes live at
 * that moment) or rejects. Without approval a change is live at once. Every step is audited.
 */
@Service
public class CostRates {

  private final TelephonyRates rates;
  private final ComplianceSettings compliance;
  private final AuditLogStore audit;
  private final Clock clock;

  CostRates(TelephonyRates rates, ComplianceSettings compliance, AuditLogStore audit) {
    this.rates = rates;
    this.compliance = compliance;
    this.audit = audit;
    this.clock = Clock.systemUTC();
  }

  /** Proposes new rates for the network ({@code campaignId} null) or a campaign. */
  @Transactional
  public TelephonyRate propose(String campaignId, RateInput input, String actor) {
    RateInput in = input == null ? null : input.check();
    if (in == null) {
      throw CostProblem.badRequest("body: the rates are required");
    }
    String scope = campaignId == null || campaignId.isBlank() ? TelephonyRate.NETWORK : campaignId;
    if (!TelephonyRate.NETWORK.equals(scope) && !rates.campaignExists(scope)) {
      throw CostProblem.notFound("no such campaign: " + scope);
    }
    boolean approval = compliance.requireApproval();
    // before: the version this one would replace (the scope's own, else the network's)
    TelephonyRate replaced = rates.liveAt(scope, clock.instant()).orElse(null);
    TelephonyRate r = rates.insert(scope, in, actor, approval ? null : clock.instant());
    audit.record(
        actor,
        approval ? "telephony-rate.propose" : "telephony-rate.live",
        "telephony_rate",
        String.valueOf(r.id()),
        replaced,
        r);
    return r;
  }

  /** Someone other than who asked puts a pending version live, from now on. */
  @Transactional
  public TelephonyRate approve(long id, String actor, String note) {
    return decide(id, actor, note, TelephonyRate.State.LIVE);
  }

  @Transactional
  public TelephonyRate reject(long id, String actor, String note) {
    return decide(id, actor, note, TelephonyRate.State.REJECTED);
  }

  private TelephonyRate decide(long id, String actor, String note, TelephonyRate.State to) {
    TelephonyRate r =
        rates
            .lockPending(id)
            .orElseThrow(
                () ->
                    rates.find(id).isPresent()
                        ? CostProblem.conflict("telephony rate " + id + " is already decided")
                        : CostProblem.notFound("no such telephony rate: " + id));
    if (r.requestedBy().equals(actor)) {
      throw CostProblem.forbidden(
          "telephony rate " + id + " was asked for by " + actor + "; someone else decides it");
    }
    rates.decide(id, to, actor, note, clock.instant());
    TelephonyRate after = rates.find(id).orElseThrow();
    audit.record(
        actor,
        to == TelephonyRate.State.LIVE ? "telephony-rate.approve" : "telephony-rate.reject",
        "telephony_rate",
        String.valueOf(id),
        Map.of("state", r.state().name()),
        after);
    return after;
  }

  public List<TelephonyRate> all() {
    return rates.all();
  }
}
