package org.ringtree.runtime.billing;

import java.util.UUID;
import org.ringtree.rules.billing.BillingDecision;
import org.ringtree.rules.billing.BillingInput;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.money.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Settles a finished call: asks the flow version's billing table what the buyer pays and the
 * publisher earns, and appends one ledger row for each, each naming the table row that decided it.
 * Settling twice writes nothing twice.
 */
@Service
public class CallBilling {

  private final DecisionEngine engine;
  private final LedgerWriter ledger;
  private final JdbcClient jdbc;

  CallBilling(DecisionEngine engine, LedgerWriter ledger, JdbcClient jdbc) {
    this.engine = engine;
    this.ledger = ledger;
    this.jdbc = jdbc;
  }

  /** What is known about a finished call when it is settled. */
  public record FinishedCall(
      UUID callId,
      String campaignId,
      String publisherId,
      String buyerId,
      String targetId,
      CallState state,
      int talkSeconds,
      Money revenue) {}

  /** Settles the call; returns the decision for the call's trace. */
  public BillingDecision settle(FinishedCall call) {
    BillingDecision d =
        engine.bill(
            call.state().versionId(),
            new BillingInput(
                call.state().facts(), call.targetId(), call.talkSeconds(), call.revenue(), false));
    if (d.billable()) {
      ledger.append(
          call.callId(),
          "REVENUE",
          LedgerWriter.Party.BUYER,
          call.buyerId(),
          call.campaignId(),
          d.revenue(),
          d.buyerRow(),
          d.buyer().message(),
          call.callId() + ":revenue");
    }
    if (d.payable()) {
      ledger.append(
          call.callId(),
          "PAYOUT",
          LedgerWriter.Party.PUBLISHER,
          call.publisherId(),
          call.campaignId(),
          d.payout(),
          d.publisherRow(),
          d.publisher().message(),
          call.callId() + ":payout");
    }
    jdbc.sql(
            "UPDATE calls SET billable_to_buyer = ?, payable_to_publisher = ?, duplicate = ?,"
                + " revenue = ?, payout = ? WHERE id = ?")
        .params(
            d.billable(),
            d.payable(),
            d.duplicate(),
            d.revenue().amount(),
            d.payout().amount(),
            call.callId())
        .update();
    return d;
  }
}
