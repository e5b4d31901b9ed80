package org.ringtree.runtime.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.billing.LedgerWriter;
import org.springframework.stereotype.Service;

/**
 * Replaces a call's rated cost with what the provider charged, once the provider has priced it: for
 * each component (inbound leg, dialled legs, recording) one {@code COST} row of the difference
 * between the provider's price and the estimate, correcting the estimate's row ({@code
 * corrects_id}), so the component's total equals the provider's price and nothing is rewritten. A
 * price equal to the estimate still books its (zero) row: it records that the provider confirmed
 * it. A component without an estimate (no rate was live) books the provider's price as it is. Keys:
 * {@code <call>:cost-<component>:provider}, so a component is reconciled once.
 */
@Service
public class PriceReconciler {

  private final CostStore store;
  private final ProviderPrices prices;
  private final LedgerWriter ledger;

  PriceReconciler(CostStore store, ProviderPrices prices, LedgerWriter ledger) {
    this.store = store;
    this.prices = prices;
    this.ledger = ledger;
  }

  /** Whether a provider is configured to ask. */
  public boolean configured() {
    return prices.configured();
  }

  /** Reconciles whatever the provider has priced of the call; returns the rows written. */
  public int reconcile(UUID callId) {
    if (!prices.configured()) {
      return 0;
    }
    Optional<CostStore.CallUsage> found = store.usage(callId);
    if (found.isEmpty()) {
      return 0;
    }
    CostStore.CallUsage call = found.get();
    int written = 0;
    written +=
        book(
            call,
            CallCosts.Component.INBOUND,
            prices.call(call.callSid()).map(List::of),
            "twilio:" + call.callSid());
    if (call.talkSeconds() != null && call.talkSeconds() > 0) {
      written +=
          book(
              call,
              CallCosts.Component.DIALLED,
              prices.dialledLegs(call.callSid()),
              "twilio:" + call.callSid() + "/children");
    }
    if (call.recordingSid() != null) {
      written +=
          book(
              call,
              CallCosts.Component.RECORDING,
              prices.recording(call.recordingSid()).map(List::of),
              "twilio:" + call.recordingSid());
    }
    return written;
  }

  private int book(
      CostStore.CallUsage call,
      CallCosts.Component c,
      Optional<List<ProviderPrices.Price>> priced,
      String ruleRef) {
    String key = c.key(call.id()) + ":provider";
    if (priced.isEmpty() || store.booked(key).isPresent()) {
      return 0;
    }
    // the component's estimate rows as one (a call may have dialled more than one billed leg)
    Optional<CostStore.Booked> estimate = store.bookedAll(call.id(), c.key(call.id()));
    List<ProviderPrices.Price> legs = priced.get();
    String currency =
        legs.isEmpty()
            ? estimate.map(CostStore.Booked::currency).orElse(Money.USD)
            : legs.get(0).unit().toUpperCase(Locale.ROOT);
    BigDecimal charged = BigDecimal.ZERO;
    StringBuilder sids = new StringBuilder();
    for (ProviderPrices.Price p : legs) {
      if (!p.unit().equalsIgnoreCase(currency)) {
        return 0; // legs in different currencies: leave the estimate, an operator looks at it
      }
      // Twilio states a charge as a negative price; the ledger books cost as a positive amount
      charged = charged.add(p.price().negate());
      sids.append(sids.isEmpty() ? "" : ", ").append(p.sid()).append(' ').append(p.price());
    }
    if (estimate.isPresent() && !estimate.get().currency().equals(currency)) {
      return 0; // priced in another currency than the rate: keep the estimate
    }
    BigDecimal cost = charged.setScale(2, RoundingMode.HALF_EVEN);
    BigDecimal before = estimate.map(CostStore.Booked::amount).orElse(BigDecimal.ZERO);
    String description =
        c.label
            + " at the provider's price "
            + charged.toPlainString()
            + " "
            + currency
            + (legs.isEmpty() ? " (no leg)" : " (" + sids + ")")
            + (estimate.isPresent()
                ? " replacing the estimate " + before.toPlainString()
                : " (no rated estimate)");
    return ledger
            .appendCost(
                new LedgerWriter.CostEntry(
                    call.id(),
                    CallCosts.PROVIDER,
                    call.campaignId(),
                    null,
                    new Money(cost.subtract(before), currency),
                    ruleRef,
                    description,
                    estimate.map(CostStore.Booked::id).orElse(null),
                    key))
            .isPresent()
        ? 1
        : 0;
  }
}
