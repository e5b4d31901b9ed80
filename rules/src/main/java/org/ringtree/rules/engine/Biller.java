package org.ringtree.rules.engine;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNResult;
import org.ringtree.rules.billing.BillingDecision;
import org.ringtree.rules.billing.BillingInput;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.trace.Justification;

/** Evaluates the flow's billing DMN for a finished call. */
final class Biller {

  private final FlowRuntime rt;

  Biller(FlowRuntime rt) {
    this.rt = rt;
  }

  BillingDecision bill(BillingInput in) {
    CallFacts f = in.facts();
    String campaignId = f.campaignId() != null ? f.campaignId() : rt.compiled().flow().campaignId();
    Campaign campaign =
        campaignId == null ? null : rt.compiled().directory().campaign(campaignId).orElse(null);
    String currency =
        in.revenue() != null
            ? in.revenue().currency()
            : campaign == null ? Money.USD : campaign.currency();
    Money revenue = in.revenue() == null ? Money.zero(currency) : in.revenue();
    boolean duplicate = duplicate(f, campaign);

    DMNContext ctx = rt.dmn().newContext();
    ctx.set("Publisher", f.publisherId());
    ctx.set(
        "Buyer",
        in.connectedTargetId() == null
            ? null
            : rt.compiled()
                .directory()
                .target(in.connectedTargetId())
                .map(t -> t.buyerId())
                .orElse(null));
    ctx.set("Blocked", in.blocked());
    ctx.set("Connected", in.connected());
    ctx.set("Duplicate", duplicate);
    ctx.set("Talk seconds", BigDecimal.valueOf(in.talkSeconds()));
    ctx.set("Revenue", revenue.amount());
    DMNResult result = rt.dmn().evaluateAll(rt.billingModel(), ctx);
    Map<?, ?> buyer = outcome(result, DmnNames.BUYER_DECISION);
    Map<?, ?> pub = outcome(result, DmnNames.PUBLISHER_DECISION);

    Money paid = money(buyer, currency);
    Money payout = money(pub, currency);
    String buyerRow = String.valueOf(buyer.get("Row"));
    String pubRow = String.valueOf(pub.get("Row"));
    Justification bj =
        new Justification(
            "buyer",
            null,
            buyerRow,
            paid.isZero() ? Justification.Verdict.NO_PAY : Justification.Verdict.PAY,
            (paid.isZero() ? "Buyer not billed: " : "Buyer billed " + paid + ": ")
                + buyer.get("Reason"));
    Justification pj =
        new Justification(
            "publisher",
            null,
            pubRow,
            payout.isZero() ? Justification.Verdict.NO_PAY : Justification.Verdict.PAY,
            (payout.isZero() ? "Publisher not paid: " : "Publisher earns " + payout + ": ")
                + pub.get("Reason"));
    return new BillingDecision(
        paid, payout, paid.minus(payout), duplicate, buyerRow, pubRow, bj, pj);
  }

  private static Map<?, ?> outcome(DMNResult result, String name) {
    DMNDecisionResult d = result.getDecisionResultByName(name);
    if (d == null || d.hasErrors() || !(d.getResult() instanceof Map<?, ?> m)) {
      throw new IllegalStateException(
          "billing decision " + name + " failed: " + result.getMessages());
    }
    return m;
  }

  private static Money money(Map<?, ?> outcome, String currency) {
    Object amount = outcome.get("Amount");
    boolean payable = Boolean.TRUE.equals(outcome.get("Payable"));
    if (!payable || amount == null) {
      return Money.zero(currency);
    }
    return new Money(
        amount instanceof BigDecimal b ? b : new BigDecimal(amount.toString()), currency);
  }

  /** An earlier call to the same campaign within the payout policy's duplicate window. */
  static boolean duplicate(CallFacts f, Campaign campaign) {
    if (campaign == null
        || campaign.payout() == null
        || campaign.payout().duplicateWindowDays() == 0) {
      return false;
    }
    Duration window = Duration.ofDays(campaign.payout().duplicateWindowDays());
    for (PriorCall p : f.history()) {
      if (p.at() != null
          && campaign.id().equals(p.campaignId())
          && !p.at().isAfter(f.arrivedAt())
          && Duration.between(p.at(), f.arrivedAt()).compareTo(window) <= 0) {
        return true;
      }
    }
    return false;
  }
}
