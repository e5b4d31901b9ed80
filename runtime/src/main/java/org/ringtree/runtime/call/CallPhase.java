package org.ringtree.runtime.call;

/**
 * Where the platform is with a call. The provider's own status (Twilio's {@code CallStatus}) is
 * kept apart, in {@code calls.provider_status}; users see one status, {@link #shown}: the phase
 * while the call is ours, the provider's word once it ended.
 */
public enum CallPhase {
  /** The number is no tracking number, or its campaign has no live flow: the apology, no flow. */
  UNROUTED("unrouted"),
  /** In the flow: menus, prompts, connectors, a route node deciding. */
  IN_IVR("in-ivr"),
  /** A buyer leg rings (or talks, if the provider never sent the leg's answered event). */
  RINGING_BUYER("ringing-buyer"),
  /** The ringing buyer leg answered (its answered event came) and talks; the leg has not ended. */
  CONNECTED("connected"),
  /** The flow has nothing more to do; the provider's final status has not come. */
  FLOW_ENDED("flow-ended"),
  /** The provider reported the end; its status says how. */
  ENDED(null),
  /** The reconciler ended the call: no status ever came and the provider had no record of it. */
  ENDED_WITHOUT_STATUS("no-status");

  private final String label;

  CallPhase(String label) {
    this.label = label;
  }

  /** What users see for a call in this phase; null for {@link #ENDED}, shown by its status. */
  public String label() {
    return label;
  }

  /** The phase users see as {@code label}; empty for a provider's status such as completed. */
  public static java.util.Optional<CallPhase> labelled(String label) {
    for (CallPhase p : values()) {
      if (p.label != null && p.label.equals(label)) {
        return java.util.Optional.of(p);
      }
    }
    return java.util.Optional.empty();
  }

  /** The status users see: this phase's label, or for an ended call the provider's status. */
  public String shown(String providerStatus) {
    return this == ENDED ? providerStatus : label;
  }
}
