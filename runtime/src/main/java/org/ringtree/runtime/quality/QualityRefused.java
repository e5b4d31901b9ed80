package org.ringtree.runtime.quality;

/** A quality request the platform refuses, with the HTTP status and the words the API answers. */
public class QualityRefused extends RuntimeException {

  private final int status;

  QualityRefused(int status, String message) {
    super(message);
    this.status = status;
  }

  static QualityRefused badRequest(String message) {
    return new QualityRefused(400, message);
  }

  static QualityRefused notFound(String message) {
    return new QualityRefused(404, message);
  }

  static QualityRefused conflict(String message) {
    return new QualityRefused(409, message);
  }

  public int status() {
    return status;
  }
}
