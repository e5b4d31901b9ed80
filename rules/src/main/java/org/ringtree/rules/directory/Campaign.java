package org.ringtree.rules.directory;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ringtree.rules.money.Money;

/**
 * An offer in a vertical that publishers drive calls to. It holds the billable/payout policy, the
 * duplicate-caller rule applied across all its targets, and the network's margin rule for auctions
 * (a bid must leave at least {@code marginPercent} of the bid or {@code marginAmount} over the
 * publisher's payout, whichever is larger). {@code publisherCaps} limit what each publisher may
 * send to this campaign; {@code publisherPayouts} override the payout policy for one publisher;
 * {@code buyerMinSeconds} override the billable duration for one buyer. Buyers asked to bid see the
 * caller's number only when {@code shareCallerNumber} is set (off by default).
 */
public record Campaign(
    String id,
    String name,
    String verticalId,
    String currency,
    PayoutPolicy payout,
    DuplicateRule duplicateRule,
    BigDecimal marginPercent,
    Money marginAmount,
    Map<String, Caps> publisherCaps,
    Map<String, PayoutPolicy> publisherPayouts,
    Map<String, Integer> buyerMinSeconds,
    boolean shareCallerNumber) {

  public Campaign {
    Objects.requireNonNull(id, "id");
    currency = currency == null ? Money.USD : currency;
    duplicateRule = duplicateRule == null ? DuplicateRule.NONE : duplicateRule;
    marginPercent = marginPercent == null ? BigDecimal.ZERO : marginPercent;
    marginAmount = marginAmount == null ? Money.zero(currency) : marginAmount;
    publisherCaps =
        publisherCaps == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(publisherCaps));
    publisherPayouts =
        publisherPayouts == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(publisherPayouts));
    buyerMinSeconds =
        buyerMinSeconds == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(buyerMinSeconds));
  }

  /** A campaign that keeps the caller's number from bidding buyers. */
  public Campaign(
      String id,
      String name,
      String verticalId,
      String currency,
      PayoutPolicy payout,
      DuplicateRule duplicateRule,
      BigDecimal marginPercent,
      Money marginAmount,
      Map<String, Caps> publisherCaps,
      Map<String, PayoutPolicy> publisherPayouts,
      Map<String, Integer> buyerMinSeconds) {
    this(
        id,
        name,
        verticalId,
        currency,
        payout,
        duplicateRule,
        marginPercent,
        marginAmount,
        publisherCaps,
        publisherPayouts,
        buyerMinSeconds,
        false);
  }

  /** The same campaign, sharing (or not) the caller's number with bidding buyers. */
  public Campaign withShareCallerNumber(boolean share) {
    return new Campaign(
        id,
        name,
        verticalId,
        currency,
        payout,
        duplicateRule,
        marginPercent,
        marginAmount,
        publisherCaps,
        publisherPayouts,
        buyerMinSeconds,
        share);
  }

  /** Why the runtime cannot honour this campaign's duplicate windows as saved, if it cannot. */
  public java.util.Optional<String> duplicateWindowProblem() {
    if (duplicateRule.problem().isPresent()) {
      return duplicateRule.problem().map(p -> "campaign " + id + ": " + p);
    }
    java.util.stream.Stream<PayoutPolicy> policies =
        java.util.stream.Stream.concat(
            java.util.stream.Stream.ofNullable(payout), publisherPayouts.values().stream());
    return policies
        .filter(p -> p.duplicateWindowDays() * 86_400L > DuplicateRule.MAX_WINDOW_SECONDS)
        .findFirst()
        .map(
            p ->
                "campaign "
                    + id
                    + ": payout duplicate window "
                    + p.duplicateWindowDays()
                    + " days is longer than the 90 days of caller history the runtime keeps in"
                    + " view");
  }

  /** A campaign without publisher caps or payout overrides. */
  public Campaign(
      String id,
      String name,
      String verticalId,
      String currency,
      PayoutPolicy payout,
      DuplicateRule duplicateRule,
      BigDecimal marginPercent,
      Money marginAmount) {
    this(
        id,
        name,
        verticalId,
        currency,
        payout,
        duplicateRule,
        marginPercent,
        marginAmount,
        null,
        null,
        null);
  }

  /** The payout policy that applies to a publisher: its override, or the campaign's. */
  public PayoutPolicy payoutFor(String publisherId) {
    return publisherId != null && publisherPayouts.containsKey(publisherId)
        ? publisherPayouts.get(publisherId)
        : payout;
  }
}
