package org.ringtree.rules.directory;

import java.math.BigDecimal;
import java.util.Objects;
import org.ringtree.rules.money.Money;

/**
 * An offer in a vertical that publishers drive calls to. It holds the billable/payout policy, the
 * duplicate-caller rule applied across all its targets, and the network's margin rule for auctions
 * (a bid must leave at least {@code marginPercent} of the bid or {@code marginAmount} over the
 * publisher's payout, whichever is larger).
 */
public record Campaign(
    String id,
    String name,
    String verticalId,
    String currency,
    PayoutPolicy payout,
    DuplicateRule duplicateRule,
    BigDecimal marginPercent,
    Money marginAmount) {

  public Campaign {
    Objects.requireNonNull(id, "id");
    currency = currency == null ? Money.USD : currency;
    duplicateRule = duplicateRule == null ? DuplicateRule.NONE : duplicateRule;
    marginPercent = marginPercent == null ? BigDecimal.ZERO : marginPercent;
    marginAmount = marginAmount == null ? Money.zero(currency) : marginAmount;
  }
}
