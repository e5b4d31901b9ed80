package org.ringtree.rules.billing;

import org.ringtree.rules.money.Money;
import org.ringtree.rules.trace.Justification;

/**
 * What a finished call is worth: revenue from the buyer, payout to the publisher, and the margin
 * between them, each with the decision-table row that produced it ({@code buyerRow}, {@code
 * publisherRow}: full references {@code <table ref>#<row id>} into a {@link BillingTable}) and its
 * justification.
 */
public record BillingDecision(
    Money revenue,
    Money payout,
    Money margin,
    boolean duplicate,
    String buyerRow,
    String publisherRow,
    Justification buyer,
    Justification publisher) {

  /** The decision of a billing table, with the justifications the trace and the ledger show. */
  public static BillingDecision of(BillingTable.Decision d, boolean duplicate) {
    BillingTable.Line buyer = d.buyer();
    BillingTable.Line payout = d.payout();
    String publisherMessage =
        payout.pays()
            ? "Publisher earns "
                + d.totalPayout()
                + ": "
                + payout.reason()
                + (d.bonus().pays() ? " + " + d.bonus().reason() : "")
            : "Publisher not paid: " + payout.reason();
    return new BillingDecision(
        d.revenue(),
        d.totalPayout(),
        d.margin(),
        duplicate,
        buyer.ruleRef(),
        payout.ruleRef(),
        new Justification(
            "buyer",
            null,
            buyer.ruleRef(),
            buyer.pays() ? Justification.Verdict.PAY : Justification.Verdict.NO_PAY,
            (buyer.pays() ? "Buyer billed " + d.revenue() + ": " : "Buyer not billed: ")
                + buyer.reason()),
        new Justification(
            "publisher",
            null,
            payout.ruleRef(),
            payout.pays() ? Justification.Verdict.PAY : Justification.Verdict.NO_PAY,
            publisherMessage));
  }

  public boolean billable() {
    return !revenue.isZero();
  }

  public boolean payable() {
    return !payout.isZero();
  }
}
