package org.ringtree.editor.quality;

/** The platform refused a quality request; the message is the API's words, shown as they are. */
public class PublisherQualityProblem extends RuntimeException {

  public PublisherQualityProblem(String message) {
    super(message);
  }
}
