package org.ringtree.editor.score;

/** The platform refused a model request; the message is the API's words, shown as they are. */
public class ScoreModelsProblem extends RuntimeException {

  public ScoreModelsProblem(String message) {
    super(message);
  }
}
