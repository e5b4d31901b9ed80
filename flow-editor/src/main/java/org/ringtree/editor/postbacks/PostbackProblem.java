package org.ringtree.editor.postbacks;

/** The platform refused a postback change; the message is the API's own reason. */
public class PostbackProblem extends RuntimeException {

  public PostbackProblem(String message) {
    super(message);
  }
}
