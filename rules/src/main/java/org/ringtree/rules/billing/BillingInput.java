package org.ringtree.rules.billing;

import java.util.Objects;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.money.Money;

/**
 * A finished call, for the billable/payout decision: who it came from (facts, with the caller's
 * history for the duplicate rule), the target that took it (null if none), how long the caller
 * talked to the buyer, the winning price (fixed price or bid), and whether it was blocked as spam.
 */
public record BillingInput(
    CallFacts facts, String connectedTargetId, long talkSeconds, Money revenue, boolean blocked) {
  public BillingInput {
    Objects.requireNonNull(facts, "facts");
    if (talkSeconds < 0) {
      throw new IllegalArgumentException("talk time must not be negative");
    }
  }

  public boolean connected() {
    return connectedTargetId != null;
  }
}
