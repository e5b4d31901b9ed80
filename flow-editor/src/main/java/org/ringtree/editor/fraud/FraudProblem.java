package org.ringtree.editor.fraud;

import java.util.List;

/**
 * The platform refused a fraud change: its reason, the bad lines of a blocklist ("line 3: ...") or
 * what the change would stop, when confirming would save it.
 */
public class FraudProblem extends RuntimeException {

  private final List<String> details;
  private final boolean confirmable;

  public FraudProblem(String message, List<String> details, boolean confirmable) {
    super(message);
    this.details = List.copyOf(details);
    this.confirmable = confirmable;
  }

  public List<String> details() {
    return details;
  }

  /** Saving it again with confirmation would succeed. */
  public boolean confirmable() {
    return confirmable;
  }
}
