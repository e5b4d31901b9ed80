package org.ringtree.runtime.console;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.ringtree.editor.money.AdjustmentsPort;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.billing.AdjustmentRequests;
import org.ringtree.runtime.billing.Adjustments;
import org.ringtree.runtime.billing.BillingProperties;
import org.ringtree.runtime.billing.LedgerWriter;
import org.ringtree.runtime.billing.MoneyProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The bulk adjustments screen over billing.Adjustments and AdjustmentRequests, the services
 * /api/adjustments uses: the same preview token, the same "apply alone only while approval is off",
 * the same second person for requests, audited under the signed-in user.
 */
@Component
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class ConsoleAdjustments implements AdjustmentsPort {

  private final Adjustments adjustments;
  private final AdjustmentRequests requests;
  private final ComplianceSettings settings;
  private final BillingProperties billing;

  ConsoleAdjustments(
      Adjustments adjustments,
      AdjustmentRequests requests,
      ComplianceSettings settings,
      BillingProperties billing) {
    this.adjustments = adjustments;
    this.requests = requests;
    this.settings = settings;
    this.billing = billing;
  }

  @Override
  public ZoneId zone() {
    return billing.timezone();
  }

  @Override
  public Preview preview(Request request) {
    try {
      return preview(adjustments.preview(toService(request)));
    } catch (MoneyProblem e) {
      throw new Refused(e.getMessage());
    }
  }

  @Override
  public Outcome apply(Request request, String token) {
    try {
      if (settings.requireApproval()) {
        return new Outcome(null, requests.request(toService(request), token, actor()).id());
      }
      return new Outcome(
          adjustments.applyAlone(toService(request), token, actor()).batchId(), null);
    } catch (MoneyProblem e) {
      throw new Refused(e.getMessage());
    }
  }

  @Override
  public boolean approvalRequired() {
    return settings.requireApproval();
  }

  @Override
  public List<Pending> requests() {
    return requests.list(null).stream()
        .sorted(
            Comparator.comparing(
                (AdjustmentRequests.AdjustmentRequest r) ->
                    r.state() != AdjustmentRequests.State.PENDING))
        .map(ConsoleAdjustments::pending)
        .toList();
  }

  @Override
  public Pending applyRequest(long id, String note) {
    try {
      return pending(requests.apply(id, note, actor()));
    } catch (MoneyProblem e) {
      throw new Refused(e.getMessage());
    }
  }

  @Override
  public Pending rejectRequest(long id, String note) {
    try {
      return pending(requests.reject(id, note, actor()));
    } catch (MoneyProblem e) {
      throw new Refused(e.getMessage());
    }
  }

  static Adjustments.Request toService(Request r) {
    Filter f = r.filter();
    Action a = r.action();
    return new Adjustments.Request(
        new Adjustments.Filter(
            f.from(), f.to(), f.campaign(), f.publisher(), f.buyer(), null, f.callSids()),
        new Adjustments.Action(
            a.party() == Party.BUYER ? LedgerWriter.Party.BUYER : LedgerWriter.Party.PUBLISHER,
            Adjustments.Mode.valueOf(a.mode().name()),
            a.amount(),
            a.reason()));
  }

  static Request fromService(Adjustments.Request r) {
    Adjustments.Filter f = r.filter();
    Adjustments.Action a = r.action();
    return new Request(
        new Filter(f.from(), f.to(), f.campaignId(), f.publisherId(), f.buyerId(), f.callSids()),
        new Action(
            a.party() == LedgerWriter.Party.BUYER ? Party.BUYER : Party.PUBLISHER,
            Mode.valueOf(a.mode().name()),
            a.amount(),
            a.reason()));
  }

  static Preview preview(Adjustments.Summary s) {
    List<PartyLine> parties =
        s.parties() == null
            ? List.of()
            : s.parties().stream()
                .map(
                    p ->
                        new PartyLine(
                            p.party() == LedgerWriter.Party.BUYER ? Party.BUYER : Party.PUBLISHER,
                            p.partyId(),
                            p.currency(),
                            p.before(),
                            p.change(),
                            p.after(),
                            p.negative()))
                .toList();
    return new Preview(
        s.calls(),
        s.changedCalls(),
        s.revenueBefore(),
        s.payoutBefore(),
        s.marginBefore(),
        s.revenueAfter(),
        s.payoutAfter(),
        s.marginAfter(),
        parties,
        s.firstChanges().stream()
            .map(c -> new CallChange(c.callId().toString(), c.before(), c.after()))
            .toList(),
        s.previewToken());
  }

  private static Pending pending(AdjustmentRequests.AdjustmentRequest r) {
    return new Pending(
        r.id(),
        fromService(r.request()),
        preview(r.summary()),
        r.state().name(),
        r.requestedBy(),
        r.requestedAt(),
        r.decidedBy(),
        r.note());
  }

  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth.getName() == null) {
      throw new AccessDeniedException("no signed-in user");
    }
    return auth.getName();
  }
}
