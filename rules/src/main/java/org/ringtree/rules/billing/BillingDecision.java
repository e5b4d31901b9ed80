package org.ringtree.rules.billing;

import org.ringtree.rules.money.Money;
import org.ringtree.rules.trace.Justification;

/**
 * What a finished call is worth: revenue from the buyer, payout to the publisher, and the margin
 * between them, each with the decision-table row that produced it ({@code buyerRow}, {@code
 * publisherRow}: ids in the billing DMN and the rule index) and its justification.
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

  public boolean billable() {
    return !revenue.isZero();
  }

  public boolean payable() {
    return !payout.isZero();
  }
}
