package org.ringtree.rules.engine;

import java.time.Duration;
import org.ringtree.rules.billing.BillingDecision;
import org.ringtree.rules.billing.BillingInput;
import org.ringtree.rules.billing.BillingPolicy;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.money.Money;

/**
 * Decides a finished call of a flow version on the version's own billing table for the call's buyer
 * and publisher ({@link BillingPolicy#base}): the table the compliance review shows with the
 * version. Overrides and the ledger are the runtime's business; this serves the simulator and
 * what-if tools.
 */
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
    String buyerId =
        in.connectedTargetId() == null
            ? null
            : rt.compiled()
                .directory()
                .target(in.connectedTargetId())
                .map(t -> t.buyerId())
                .orElse(null);
    BillingTable table = rt.billingTable(BillingPolicy.base(campaign, buyerId, f.publisherId()));
    BillingTable.Decision d =
        table.decide(
            new BillingTable.Facts(
                in.blocked(),
                in.connected(),
                duplicate,
                in.talkSeconds(),
                revenue,
                f.caller().state(),
                null));
    return BillingDecision.of(d, duplicate);
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
