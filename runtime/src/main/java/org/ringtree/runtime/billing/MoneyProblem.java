package org.ringtree.runtime.billing;

/** A money request that cannot be done, with the HTTP status it maps to and why. */
public class MoneyProblem extends RuntimeException {

  /** What kind of refusal. */
  public enum Kind {
    NOT_FOUND(404),
    FORBIDDEN(403),
    CONFLICT(409),
    INVALID(422);

    final int status;

    Kind(int status) {
      this.status = status;
    }
  }

  private final Kind kind;

  public MoneyProblem(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return kind.status;
  }
}
