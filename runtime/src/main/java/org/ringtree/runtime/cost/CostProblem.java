package org.ringtree.runtime.cost;

/** A cost request that cannot be done, with its HTTP status and why. */
public class CostProblem extends RuntimeException {

  private final int status;

  CostProblem(int status, String message) {
    super(message);
    this.status = status;
  }

  static CostProblem badRequest(String message) {
    return new CostProblem(400, message);
  }

  static CostProblem notFound(String message) {
    return new CostProblem(404, message);
  }

  static CostProblem forbidden(String message) {
    return new CostProblem(403, message);
  }

  static CostProblem conflict(String message) {
    return new CostProblem(409, message);
  }

  public int status() {
    return status;
  }
}
