package org.ringtree.integrations.postback;

import java.time.Duration;
import java.time.Instant;

/**
 * One HTTP attempt at a postback, delivered or not.
 *
 * @param attempt 1 for the first try, 2 for the first retry, …
 * @param httpStatus null when no answer came (connection refused, timeout)
 * @param error null when delivered; otherwise why not
 */
public record PostbackAttempt(
    String postbackId,
    String url,
    int attempt,
    Instant at,
    Integer httpStatus,
    Duration latency,
    boolean delivered,
    String error) {}
