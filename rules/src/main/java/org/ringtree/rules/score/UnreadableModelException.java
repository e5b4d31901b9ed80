package org.ringtree.rules.score;

/** Bytes that are not a score model this version of Ringtree can use, and why. */
public class UnreadableModelException extends IllegalArgumentException {

  public UnreadableModelException(String why) {
    super("not a usable score model: " + why);
  }

  public UnreadableModelException(String why, Throwable cause) {
    super("not a usable score model: " + why, cause);
  }
}
