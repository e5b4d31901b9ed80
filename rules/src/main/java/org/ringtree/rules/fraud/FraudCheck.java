package org.ringtree.rules.fraud;

/** The defences a policy can switch on, each with the action it takes. */
public enum FraudCheck {
  BLOCKLIST,
  VELOCITY,
  ANONYMOUS_CALLER_ID,
  INVALID_CALLER_ID,
  TOLL_FREE_CALLER_ID,
  /** SHAKEN/STIR verification failed. */
  STIR_FAILED,
  /** No verification, or attestation below the policy's minimum. */
  STIR_UNATTESTED,
  /**
   * Many numbers sharing a prefix (+1 NPA NXX X) from one source in a short window: a dialer
   * rotating its last digits.
   */
  ROTATING_DIALER,
  /**
   * The caller id's area code is in one state and the zip known when routing (the IVR's, else the
   * carrier's) in another. Checked before routing, not at the door: the zip comes from the IVR.
   */
  GEO_MISMATCH;

  /** Whether the check runs when the call reaches its route node rather than at the door. */
  public boolean beforeRouting() {
    return this == GEO_MISMATCH;
  }
}
