package org.ringtree.runtime.console;

import java.util.List;
import org.ringtree.editor.money.DisputeQueuePort;
import org.ringtree.runtime.approval.ComplianceSettings;
import org.ringtree.runtime.billing.Disputes;
import org.ringtree.runtime.billing.MoneyProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The dispute queue screen over billing.Disputes, the service /api/disputes uses: the same credit
 * and clawback, the same four-eyes rule when approval is on, the same audit under the signed-in
 * user, and the same refusals in the same words.
 */
@Component
@PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
class ConsoleDisputes implements DisputeQueuePort {

  private static final int QUEUE_ROWS = 500;

  private final Disputes disputes;
  private final ComplianceSettings settings;

  ConsoleDisputes(Disputes disputes, ComplianceSettings settings) {
    this.disputes = disputes;
    this.settings = settings;
  }

  @Override
  public List<Entry> queue() {
    return disputes.queue(QUEUE_ROWS).stream().map(ConsoleDisputes::entry).toList();
  }

  @Override
  public Approved approve(long id, String note) {
    try {
      Disputes.Approval a = disputes.approve(id, note, actor());
      return new Approved(find(id), a.buyerCredit(), a.publisherClawback());
    } catch (MoneyProblem e) {
      throw new Refused(e.getMessage());
    }
  }

  @Override
  public Entry reject(long id, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new Refused("a rejection needs a reason: the buyer sees it");
    }
    try {
      disputes.reject(id, reason.strip(), actor());
      return find(id);
    } catch (MoneyProblem e) {
      throw new Refused(e.getMessage());
    }
  }

  @Override
  public boolean approvalRequired() {
    return settings.requireApproval();
  }

  private Entry find(long id) {
    return queue().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
  }

  private static Entry entry(Disputes.QueueEntry q) {
    Disputes.Dispute d = q.dispute();
    return new Entry(
        d.id(),
        q.callSid(),
        d.buyerId(),
        q.publisherId(),
        q.buyerTotal(),
        q.publisherTotal(),
        q.clawbackPercent(),
        q.publisherClawback(),
        d.requestedRevenue(),
        q.currency(),
        d.reason(),
        d.state(),
        d.openedBy(),
        d.openedAt(),
        d.decidedBy(),
        d.decidedAt(),
        d.note());
  }

  private static String actor() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || auth.getName() == null) {
      throw new AccessDeniedException("no signed-in user");
    }
    return auth.getName();
  }
}
