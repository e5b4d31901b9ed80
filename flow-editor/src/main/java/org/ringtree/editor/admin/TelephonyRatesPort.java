package org.ringtree.editor.admin;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Port: the network's telephony rates for the Settings screen. The platform implements it over the
 * same service as {@code /api/costs/rates}: an admin's change is a new version, pending a second
 * person while approval is required, and audited.
 */
public interface TelephonyRatesPort {

  /** Per-minute rates (up to 4 decimals) and the monthly rent of a tracking number (cents). */
  record Rates(
      String currency,
      BigDecimal inboundPerMinute,
      BigDecimal dialledPerMinute,
      BigDecimal recordingPerMinute,
      BigDecimal numberRentPerMonth) {}

  /** The network's rates live now; empty if none were ever set. */
  Optional<Rates> live();

  /** Versions waiting for someone to approve them, one line each. */
  List<String> pending();

  /**
   * Changes the network's rates as the signed-in admin; returns what happened (live now, or pending
   * approval).
   *
   * @throws IllegalArgumentException with the reason, naming the field, if the rates are refused
   */
  String change(Rates rates);
}
