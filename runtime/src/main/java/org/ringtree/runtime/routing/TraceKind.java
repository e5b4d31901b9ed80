package org.ringtree.runtime.routing;

/**
 * What a line of a call's trace is about. The database holds {@link #code()} (lower case, as the
 * call detail and the API have always shown it) under a CHECK constraint listing every code.
 */
public enum TraceKind {
  /** The call arrived (or could not be routed). */
  INCOMING,
  /** A fraud defence that fired at the door (docs/fraud.md); its outcome is the action taken. */
  FRAUD,
  /** The call's quality score, its model and top reasons (docs/score.md). */
  SCORE,
  /** An IVR step the flow took. */
  STEP,
  /** The engine's verdict on one routing candidate. */
  DECISION,
  /** A buyer ping and its bid. */
  PING,
  /** A ping-post buyer's post: sent, then confirmed or refused (docs/rtb.md, "Ping-post"). */
  POST,
  /** A route node's summary, or why it found nobody. */
  ROUTE,
  /** A buyer leg dialled, skipped, connected or failed. */
  DIAL,
  /** A connector node's call. */
  CONNECTOR,
  /** A status callback that changed how the call is settled. */
  STATUS,
  /** Who pays and who is paid, with the billing table row. */
  BILLING,
  /** The reconciler ended or settled the call. */
  RECONCILE;

  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static TraceKind ofCode(String code) {
    return valueOf(code.toUpperCase(java.util.Locale.ROOT));
  }
}
