package org.ringtree.runtime.portal;

import java.util.List;
import org.ringtree.editor.portal.DisputePort;
import org.ringtree.runtime.billing.Disputes;
import org.ringtree.runtime.billing.MoneyProblem;
import org.ringtree.runtime.security.Account;
import org.ringtree.runtime.security.Role;
import org.ringtree.runtime.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The buyer's dispute screen over what POST /api/portal/disputes uses: the buyer is the signed-in
 * account's buyer (never a value the screen sends), its calls are found among its own only, and
 * billing.Disputes.openByBuyer refuses with the same reasons.
 */
@Component
@PreAuthorize("hasRole('BUYER')")
class DisputeDesk implements DisputePort {

  private final PortalStore store;
  private final Disputes disputes;

  DisputeDesk(PortalStore store, Disputes disputes) {
    this.store = store;
    this.disputes = disputes;
  }

  @Override
  public List<Call> calls(int limit) {
    return store.buyerCalls(buyer().buyerId(), null, null, Math.min(limit, 1000)).stream()
        .map(
            c ->
                new Call(
                    c.callSid(),
                    c.startedAt(),
                    c.campaignId(),
                    c.status(),
                    c.talkSeconds(),
                    c.billable(),
                    c.spend(),
                    c.currency()))
        .toList();
  }

  @Override
  public List<Dispute> disputes() {
    return store.buyerDisputes(buyer().buyerId(), 1000).stream()
        .map(
            d ->
                new Dispute(
                    d.id(),
                    d.callSid(),
                    d.reason(),
                    d.state(),
                    d.openedAt(),
                    d.decidedAt(),
                    d.note(),
                    d.credit(),
                    d.currency()))
        .toList();
  }

  @Override
  public Dispute raise(String callSid, String reason) {
    Account a = buyer();
    if (callSid == null || callSid.isBlank()) {
      throw new Refused("name the call: choose it in the list or give its SID");
    }
    String ref = callSid.strip();
    var id =
        store
            .buyerCallId(a.buyerId(), ref)
            .orElseThrow(() -> new Refused("no such call among yours: " + ref));
    try {
      Disputes.Dispute d = disputes.openByBuyer(id, a.buyerId(), reason, username());
      return disputes().stream().filter(x -> x.id() == d.id()).findFirst().orElseThrow();
    } catch (MoneyProblem e) {
      throw new Refused(e.getMessage());
    }
  }

  private static Account buyer() {
    Account a =
        SignedInUser.current()
            .map(SignedInUser::account)
            .orElseThrow(() -> new AccessDeniedException("no signed-in buyer"));
    if (a.role() != Role.BUYER || a.buyerId() == null) {
      throw new AccessDeniedException("disputes are a buyer's");
    }
    return a;
  }

  private static String username() {
    return SignedInUser.current().map(SignedInUser::getUsername).orElseThrow();
  }
}
