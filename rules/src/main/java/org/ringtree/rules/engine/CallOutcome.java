package org.ringtree.rules.engine;

/** How the flow ended for a call. */
public record CallOutcome(Ending ending, String nodeId, String message) {

  /** The ways a flow ends. */
  public enum Ending {
    /** A hang-up node or an unconnected optional port. */
    HANGUP,
    /** After a voicemail recording. */
    VOICEMAIL,
    /** A target took the call; billing follows when it ends. */
    CONNECTED,
    /** The flow took more steps than allowed (a safety net; validation caps loops). */
    STEP_LIMIT
  }
}
