package org.ringtree.editor.postbacks;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the postback screens decide, without Vaadin: saving settings (the platform's parser judges
 * the template, so a refusal carries its words), retrying a dead letter, and reading the answer of
 * a test conversion. Each returns an {@link Outcome} the view shows as it is.
 */
public final class PostbacksPresenter {

  private static final Pattern ERROR =
      Pattern.compile("\"error\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

  private PostbacksPresenter() {}

  /** What happened: {@code value} when it worked, else {@code problem} says why not. */
  public record Outcome<T>(T value, String problem) {

    static <T> Outcome<T> ok(T value) {
      return new Outcome<>(value, null);
    }

    static <T> Outcome<T> refused(String problem) {
      return new Outcome<>(null, problem);
    }

    public boolean ok() {
      return problem == null;
    }
  }

  /**
   * Saves a publisher's settings through {@code save} (the port). The template is sent as typed
   * (the platform strips and parses it); nothing in it is evaluated here.
   */
  public static Outcome<PostbacksPort.Settings> save(
      UnaryOperator<PostbacksPort.Settings> save,
      String publisherId,
      String template,
      boolean onEveryCall,
      boolean enabled) {
    if (publisherId == null || publisherId.isBlank()) {
      return Outcome.refused("choose a publisher first");
    }
    if (template == null || template.isBlank()) {
      return Outcome.refused("need urlTemplate");
    }
    try {
      return Outcome.ok(
          save.apply(new PostbacksPort.Settings(publisherId, template, onEveryCall, enabled)));
    } catch (PostbackProblem refused) {
      return Outcome.refused(refused.getMessage());
    }
  }

  /** Which events send the postback, in words. */
  public static String events(boolean onEveryCall, boolean enabled) {
    if (!enabled) {
      return "Off: no postback is sent";
    }
    return onEveryCall
        ? "Sent when a call converts and when any call ends (event = conversion or call)"
        : "Sent when a call converts (event = conversion)";
  }

  /** Retries a dead letter through {@code retry}; anything else is refused in the API's words. */
  public static Outcome<PostbacksPort.Delivery> retry(
      UnaryOperator<PostbacksPort.Delivery> retry, PostbacksPort.Delivery delivery) {
    if (delivery == null) {
      return Outcome.refused("choose a postback first");
    }
    if (delivery.state() != PostbacksPort.State.DEAD) {
      return Outcome.refused(
          "only dead letters can be retried; this one is " + delivery.state().name());
    }
    try {
      return Outcome.ok(retry.apply(delivery));
    } catch (PostbackProblem refused) {
      return Outcome.refused(refused.getMessage());
    }
  }

  /** An attempt in a few words: "HTTP 200 in 12 ms", "HTTP 500 in 8 ms", "no answer: …". */
  public static String attemptResult(PostbacksPort.Attempt a) {
    if (a.httpStatus() == null) {
      return "no answer: " + (a.error() == null ? "unknown" : a.error());
    }
    return "HTTP " + a.httpStatus() + " in " + a.latencyMs() + " ms";
  }

  /**
   * The answer of a test conversion as the endpoint gave it: {@code status} 0 when the request
   * itself failed. Success only on 2xx; otherwise the endpoint's own error is shown.
   */
  public static Outcome<String> testResult(int status, String body) {
    if (status >= 200 && status <= 299) {
      return Outcome.ok("Test conversion accepted (HTTP " + status + "): the key is right.");
    }
    if (status == 0) {
      return Outcome.refused("The request did not reach the endpoint: " + body);
    }
    String reason = body == null ? "" : body.strip();
    Matcher m = ERROR.matcher(reason);
    if (m.find()) {
      reason = m.group(1).replace("\\\"", "\"");
    }
    return Outcome.refused(
        "Test conversion refused (HTTP " + status + ")" + (reason.isEmpty() ? "" : ": " + reason));
  }
}
