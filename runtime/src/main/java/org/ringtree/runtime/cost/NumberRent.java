package org.ringtree.runtime.cost;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.ringtree.rules.money.Money;
import org.ringtree.runtime.billing.LedgerWriter;
import org.springframework.stereotype.Service;

/**
 * Monthly rent of the tracking numbers in service: one {@code COST} row per number and month (in
 * the network's timezone), not tied to a call ({@code call_id} null, {@code tracking_number} set),
 * at the rent of the rate version live when it is booked ({@code rule_ref rate-<id>#rent}).
 * Idempotent per number and month (key {@code rent:<number>:<yyyy-MM>}), so any number of runs on
 * any number of nodes books it once. A number taken out of service before the month's run is not
 * charged for that month; a rent of zero books nothing.
 */
@Service
public class NumberRent {

  private final CostStore store;
  private final TelephonyRates rates;
  private final LedgerWriter ledger;

  NumberRent(CostStore store, TelephonyRates rates, LedgerWriter ledger) {
    this.store = store;
    this.rates = rates;
    this.ledger = ledger;
  }

  /** Books this month's rent of every number in service not booked yet; returns rows written. */
  public int bookMonth(Clock clock, ZoneId zone) {
    YearMonth month = YearMonth.now(clock.withZone(zone));
    int written = 0;
    for (CostStore.NumberInService n : store.numbersInService()) {
      Optional<TelephonyRate> rate = rates.liveAt(n.campaignId(), clock.instant());
      if (rate.isEmpty() || rate.get().numberRentPerMonth().signum() == 0) {
        continue;
      }
      TelephonyRate r = rate.get();
      if (ledger
          .appendCost(
              new LedgerWriter.CostEntry(
                  null,
                  CallCosts.PROVIDER,
                  n.campaignId(),
                  n.number(),
                  new Money(r.numberRentPerMonth(), r.currency()),
                  r.ref("rent"),
                  "number rent "
                      + n.number()
                      + " "
                      + month
                      + " at "
                      + r.numberRentPerMonth().toPlainString()
                      + " "
                      + r.currency()
                      + "/month",
                  null,
                  "rent:" + n.number() + ":" + month))
          .isPresent()) {
        written++;
      }
    }
    return written;
  }
}
