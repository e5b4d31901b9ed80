package org.ringtree.runtime.console;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ringtree.editor.admin.TelephonyRatesPort;
import org.ringtree.runtime.cost.CostProblem;
import org.ringtree.runtime.cost.CostRates;
import org.ringtree.runtime.cost.RateInput;
import org.ringtree.runtime.cost.TelephonyRate;
import org.ringtree.runtime.cost.TelephonyRates;
import org.ringtree.runtime.security.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** The Settings screen's telephony rates over the same service as {@code /api/costs/rates}. */
@Component
class ConsoleTelephonyRates implements TelephonyRatesPort {

  private final CostRates costs;
  private final TelephonyRates rates;

  ConsoleTelephonyRates(CostRates costs, TelephonyRates rates) {
    this.costs = costs;
    this.rates = rates;
  }

  @Override
  @PreAuthorize("hasRole('ADMIN')")
  public Optional<Rates> live() {
    return rates
        .liveAt(TelephonyRate.NETWORK, Instant.now())
        .filter(r -> TelephonyRate.NETWORK.equals(r.campaignId()))
        .map(
            r ->
                new Rates(
                    r.currency(),
                    r.inboundPerMinute(),
                    r.dialledPerMinute(),
                    r.recordingPerMinute(),
                    r.numberRentPerMonth()));
  }

  @Override
  @PreAuthorize("hasRole('ADMIN')")
  public List<String> pending() {
    return costs.all().stream()
        .filter(r -> r.state() == TelephonyRate.State.PENDING)
        .map(r -> "#" + r.id() + " (" + scope(r) + ", asked by " + r.requestedBy() + ")")
        .toList();
  }

  @Override
  @PreAuthorize("hasRole('ADMIN')")
  public String change(Rates in) {
    String actor =
        SignedInUser.current()
            .map(SignedInUser::getUsername)
            .orElseThrow(() -> new AccessDeniedException("no signed-in user"));
    try {
      TelephonyRate r =
          costs.propose(
              null,
              new RateInput(
                  in.currency(),
                  in.inboundPerMinute(),
                  in.dialledPerMinute(),
                  in.recordingPerMinute(),
                  in.numberRentPerMonth()),
              actor);
      return r.state() == TelephonyRate.State.LIVE
          ? "The new rates are live for calls from now on."
          : "The new rates wait for approval by another admin or a compliance officer (#"
              + r.id()
              + ").";
    } catch (CostProblem p) {
      throw new IllegalArgumentException(p.getMessage(), p);
    }
  }

  private static String scope(TelephonyRate r) {
    return TelephonyRate.NETWORK.equals(r.campaignId()) ? "network" : "campaign " + r.campaignId();
  }
}
