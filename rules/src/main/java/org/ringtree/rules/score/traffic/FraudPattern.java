package org.ringtree.rules.score.traffic;

/**
 * What produced a generated call: a genuine caller or one of the pay-per-call fraud patterns of the
 * industry's write-ups (docs/fraud.md, "Traffic generator", names the sources).
 */
public enum FraudPattern {
  /** A genuine caller: valid, attested number, local area code, business hours, real IVR time. */
  GOOD,
  /** Coached callers who answer the IVR fast and hold just past the billable threshold. */
  CALL_FARM,
  /** The same number again and again within hours (velocity). */
  REPEAT_CALLER,
  /** A dialer rotating the last digits: many numbers with one prefix from one source in an hour. */
  ROTATING_DIALER,
  /** A withheld, invalid or toll-free caller id, with failed or no SHAKEN/STIR verification. */
  SPOOFED_CALLER_ID,
  /** A valid-looking number with C-level or no SHAKEN/STIR attestation (VoIP origination). */
  UNATTESTED,
  /**
   * An area code in one state and an IVR zip in another, the campaign's target (geo laundering).
   */
  GEO_MISMATCH,
  /** Bursts of calls of a few seconds from one source, often at night. */
  SHORT_CALL_CLUSTER;

  public boolean fraud() {
    return this != GOOD;
  }
}
