package org.ringtree.rules.trace;

/**
 * Why a decision came out as it did, as data: what it is about ({@code subject}: a target id, a
 * node id, "buyer", "publisher"), the node and the generated rule or table row that decided, the
 * verdict, and a sentence for people ("Acme skipped: daily cap 40/40").
 */
public record Justification(
    String subject, String nodeId, String ruleId, Verdict verdict, String message) {

  /** What the decision did with its subject. */
  public enum Verdict {
    /** A step was taken (IVR node, branch). */
    STEP,
    /** A candidate was ruled out. */
    SKIPPED,
    /** A candidate stays in the running. */
    ELIGIBLE,
    /** The chosen candidate. */
    WINNER,
    /** Money is owed (billable, payable). */
    PAY,
    /** No money is owed. */
    NO_PAY
  }

  public static Justification step(String nodeId, String ruleId, String message) {
    return new Justification(nodeId, nodeId, ruleId, Verdict.STEP, message);
  }
}
