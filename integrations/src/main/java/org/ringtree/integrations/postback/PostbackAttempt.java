package org.ringtree.integrations.postback;

import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP attempt at a postback, delivered or not.
 *
 * @param attempt 1 for the first try, 2 for the first retry, …
 * @param httpStatus null when no answer came (connection refused, timeout)
 * @param error null when delivered; otherwise why not
 * @param response the start of the answer's body ({@link #RESPONSE_LIMIT} characters at most); null
 *     when no answer came
 */
public record PostbackAttempt(
    String postbackId,
    String url,
    int attempt,
    Instant at,
    Integer httpStatus,
    Duration latency,
    boolean delivered,
    String error,
    String response) {

  /** How much of a response body is kept: enough to read a tracker's message, never a page. */
  public static final int RESPONSE_LIMIT = 1000;
}
