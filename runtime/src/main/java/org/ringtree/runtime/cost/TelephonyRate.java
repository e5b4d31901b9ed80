package org.ringtree.runtime.cost;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One version of the telephony rates, for the network ({@code campaignId} {@value #NETWORK}) or one
 * campaign. Its amounts never change once written: a new rate is a new version, and a call is
 * costed by the live version valid when it started.
 */
public record TelephonyRate(
    long id,
    String campaignId,
    String currency,
    BigDecimal inboundPerMinute,
    BigDecimal dialledPerMinute,
    BigDecimal recordingPerMinute,
    BigDecimal numberRentPerMonth,
    State state,
    Instant validFrom,
    String requestedBy,
    Instant requestedAt,
    String decidedBy,
    Instant decidedAt,
    String note) {

  /** The campaign id of the network's own rates. */
  public static final String NETWORK = "*";

  /** Where a version stands: pending a second person, live from {@code validFrom}, or rejected. */
  public enum State {
    PENDING,
    LIVE,
    REJECTED
  }

  /** How ledger rows name this version in {@code rule_ref}: {@code rate-<id>#<component>}. */
  public String ref(String component) {
    return "rate-" + id + "#" + component;
  }
}
