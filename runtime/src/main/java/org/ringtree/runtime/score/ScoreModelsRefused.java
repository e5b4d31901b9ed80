package org.ringtree.runtime.score;

/** A model request that cannot be done, with its HTTP status and why, in words to show. */
public class ScoreModelsRefused extends RuntimeException {

  private final int status;

  ScoreModelsRefused(int status, String message) {
    super(message);
    this.status = status;
  }

  static ScoreModelsRefused badRequest(String message) {
    return new ScoreModelsRefused(400, message);
  }

  static ScoreModelsRefused forbidden(String message) {
    return new ScoreModelsRefused(403, message);
  }

  static ScoreModelsRefused notFound(String message) {
    return new ScoreModelsRefused(404, message);
  }

  static ScoreModelsRefused conflict(String message) {
    return new ScoreModelsRefused(409, message);
  }

  public int status() {
    return status;
  }
}
