package org.ringtree.runtime.billing;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.ringtree.rules.billing.BidBillableDuration;
import org.ringtree.rules.billing.BillingDecision;
import org.ringtree.rules.billing.BillingPolicy;
import org.ringtree.rules.billing.BillingTable;
import org.ringtree.rules.directory.Campaign;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.flow.FlowRuntimes;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.fraud.FraudDefences;
import org.ringtree.runtime.supply.SupplyBidJoins;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Settles a finished call: takes the live billing table version of the call's flow version,
 * campaign, buyer and publisher ({@link BillingTableVersions}: the campaign's payout policy with
 * the overrides on top, as reviewed), asks that DMN table what the buyer pays and the publisher
 * earns, and appends one ledger row for each (plus one for a region bonus), each naming the table
 * row that decided it. Settling twice writes nothing twice. A call is blocked when its tags say
 * {@code blocked=true} or {@code spam=true} (no call phase or provider status means blocked). A
 * call the fraud defences marked not payable at the door is billed to its buyer as the table says,
 * but its publisher is paid nothing, the defence's reason standing in the trace's billing line.
 */
@Service
public class CallBilling {

  private final LedgerWriter ledger;
  private final BilledCalls calls;
  private final FlowRuntimes flows;
  private final BillingTableVersions tables;
  private final ApplicationEventPublisher events;
  private final SupplyBidJoins supply;
  private final FraudDefences fraud;

  CallBilling(
      LedgerWriter ledger,
      BilledCalls calls,
      FlowRuntimes flows,
      BillingTableVersions tables,
      ApplicationEventPublisher events,
      SupplyBidJoins supply,
      FraudDefences fraud) {
    this.supply = supply;
    this.fraud = fraud;
    this.ledger = ledger;
    this.calls = calls;
    this.flows = flows;
    this.tables = tables;
    this.events = events;
  }

  /**
   * What is known about a finished call when it is settled; {@code bidConversionSeconds} is the
   * connected buyer's bid's own billable duration (null: the campaign's).
   */
  public record FinishedCall(
      UUID callId,
      String campaignId,
      String publisherId,
      String buyerId,
      String targetId,
      CallState state,
      int talkSeconds,
      Money revenue,
      Integer bidConversionSeconds) {

    public FinishedCall(
        UUID callId,
        String campaignId,
        String publisherId,
        String buyerId,
        String targetId,
        CallState state,
        int talkSeconds,
        Money revenue) {
      this(callId, campaignId, publisherId, buyerId, targetId, state, talkSeconds, revenue, null);
    }
  }

  /** Settles the call; returns the decision for the call's trace. */
  public BillingDecision settle(FinishedCall call) {
    FlowStore.StoredVersion flow = flows.version(call.state().versionKey());
    Campaign campaign =
        call.campaignId() == null
            ? null
            : flow.compiled().directory().campaign(call.campaignId()).orElse(null);
    if (campaign == null || campaign.payout() == null) {
      return settleWithoutPolicy(call, campaign);
    }
    BilledCalls.CallFacts row = calls.facts(call.callId());
    BillingTable table = tables.live(flow, campaign, call.buyerId(), call.publisherId()).table();
    BillingPolicy policy = table.policy();
    Map<String, String> tags = call.state().facts().tags();
    boolean blocked =
        "true".equalsIgnoreCase(tags.get("blocked")) || "true".equalsIgnoreCase(tags.get("spam"));
    boolean duplicate = duplicate(call, row, policy.duplicateWindowDays());
    Money price = call.revenue() == null ? Money.zero(row.currency()) : call.revenue();
    BillingTable.Facts facts =
        new BillingTable.Facts(
            blocked,
            call.targetId() != null,
            duplicate,
            call.talkSeconds(),
            price,
            row.callerState(),
            policy.tierTag() == null ? null : tags.get(policy.tierTag()));
    BillingTable.Decision d = table.decide(facts);
    if (call.bidConversionSeconds() != null && call.targetId() != null) {
      // the winning bid said how long the call must last for this buyer to pay (docs/rtb.md)
      d =
          new BillingTable.Decision(
              BidBillableDuration.buyerLine(
                  policy, facts, Duration.ofSeconds(call.bidConversionSeconds())),
              d.payout(),
              d.bonus());
    }
    d = paidAsBid(call.callId(), d);
    d = notPayable(call.callId(), d);
    append(call, "REVENUE", LedgerWriter.Party.BUYER, call.buyerId(), d.buyer(), ":revenue");
    append(call, "PAYOUT", LedgerWriter.Party.PUBLISHER, call.publisherId(), d.payout(), ":payout");
    append(
        call,
        "PAYOUT",
        LedgerWriter.Party.PUBLISHER,
        call.publisherId(),
        d.bonus(),
        ":payout-bonus");
    calls.recordBilling(
        call.callId(),
        d.buyer().pays(),
        d.payout().pays(),
        duplicate,
        d.revenue().amount(),
        d.totalPayout().amount(),
        table.ref());
    events.publishEvent(
        new CallSettled(
            call.callId(),
            call.campaignId(),
            call.publisherId(),
            call.buyerId(),
            d.revenue(),
            d.totalPayout()));
    return BillingDecision.of(d, duplicate);
  }

  /**
   * A call joined to a publisher's bid (docs/rtb.md, "Ringtree as a bid endpoint"): the reviewed
   * table still decides whether the publisher is paid (duration, duplicate, blocked) and its row is
   * the ledger row's rule; what it is paid is what Ringtree bid, the bid named in the description,
   * instead of the table's amount and bonus.
   */
  private BillingTable.Decision paidAsBid(java.util.UUID callId, BillingTable.Decision d) {
    return supply
        .paidAsBid(callId)
        .filter(bid -> d.payout().pays())
        .map(
            bid ->
                new BillingTable.Decision(
                    d.buyer(),
                    new BillingTable.Line(
                        d.payout().ruleRef(),
                        new Money(bid.payout(), bid.currency()),
                        "paid as bid "
                            + bid.bidId()
                            + " (the table's row pays "
                            + d.payout().amount().amount()
                            + ")"),
                    new BillingTable.Line(
                        d.bonus().ruleRef(), Money.zero(bid.currency()), "paid as bid: no bonus")))
        .orElse(d);
  }

  /**
   * A call routed although a fraud defence said its publisher is not paid (docs/fraud.md): the
   * buyer's line stands; the payout and bonus are nothing, for the defence's reason.
   */
  private BillingTable.Decision notPayable(UUID callId, BillingTable.Decision d) {
    if (!d.payout().pays() && !d.bonus().pays()) {
      return d;
    }
    return fraud
        .notPayable(callId)
        .map(
            why -> {
              Money none = Money.zero(d.payout().amount().currency());
              return new BillingTable.Decision(
                  d.buyer(),
                  new BillingTable.Line(
                      d.payout().ruleRef(),
                      none,
                      "fraud defence: "
                          + why
                          + " (the table's row would pay "
                          + d.totalPayout().amount()
                          + ")"),
                  new BillingTable.Line(d.bonus().ruleRef(), none, "fraud defence: no bonus"));
            })
        .orElse(d);
  }

  private void append(
      FinishedCall call,
      String kind,
      LedgerWriter.Party party,
      String partyId,
      BillingTable.Line line,
      String key) {
    if (!line.pays() || partyId == null) {
      return;
    }
    ledger.append(
        call.callId(),
        kind,
        party,
        partyId,
        call.campaignId(),
        line.amount(),
        line.ruleRef(),
        line.reason(),
        call.callId() + key);
  }

  /** An earlier call from the same caller to the same campaign within the window. */
  private boolean duplicate(FinishedCall call, BilledCalls.CallFacts row, int windowDays) {
    if (windowDays <= 0) {
      return false;
    }
    return calls.hasOtherCall(
        row.callerNumber(),
        call.campaignId(),
        call.callId(),
        row.startedAt().minus(Duration.ofDays(windowDays)),
        row.startedAt());
  }

  /**
   * A call without a campaign or whose campaign has no payout policy: the table without a policy
   * (the flow version's billing DMN shows the same rows) decides, and its only rows say "no
   * campaign payout policy", so it books no money. Money is booked only on a live billing table
   * version above; a decision that would pay here is refused rather than booked on a table no
   * reviewer saw as a billing table.
   */
  private BillingDecision settleWithoutPolicy(FinishedCall call, Campaign campaign) {
    String currency = campaign == null ? Money.USD : campaign.currency();
    BillingDecision d =
        BillingDecision.of(
            BillingTable.withoutPolicy()
                .decide(
                    new BillingTable.Facts(
                        false,
                        call.targetId() != null,
                        false,
                        call.talkSeconds(),
                        call.revenue() == null ? Money.zero(currency) : call.revenue(),
                        null,
                        null)),
            false);
    if (d.billable() || d.payable()) {
      throw new IllegalStateException(
          "call "
              + call.callId()
              + " has no payout policy but its flow version's billing table would book money");
    }
    calls.recordBillingWithoutTable(
        call.callId(),
        d.billable(),
        d.payable(),
        d.duplicate(),
        d.revenue().amount(),
        d.payout().amount());
    events.publishEvent(
        new CallSettled(
            call.callId(),
            call.campaignId(),
            call.publisherId(),
            call.buyerId(),
            d.revenue(),
            d.payout()));
    return d;
  }
}
