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
  STIR_UNATTESTED
}
