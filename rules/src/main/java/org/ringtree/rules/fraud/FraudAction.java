package org.ringtree.rules.fraud;

/**
 * What a defence does when it fires, from the mildest to the strongest; when several fire, the
 * strongest wins. {@link #REJECT} is TwiML {@code <Reject>} as the first verb: the provider does
 * not answer, so the network pays nothing for the call.
 */
public enum FraudAction {
  /** Routed and paid as usual; the call is listed for someone to look at. */
  FLAG_FOR_REVIEW,
  /** Routed to a buyer, but the publisher is not paid for it. */
  ROUTE_NOT_PAYABLE,
  /** The caller hears the policy's message and the call ends. */
  MESSAGE_AND_HANG_UP,
  /** Not answered at all. */
  REJECT;

  public boolean stopsTheCall() {
    return this == MESSAGE_AND_HANG_UP || this == REJECT;
  }
}
