package org.ringtree.integrations.rtb;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.ringtree.rules.routing.PingResult.Status;

/**
 * What an answer said, before the common checks. {@code status} null means "a bid, if the amount
 * says so"; {@code conversionTimer} is the buyer's own billable duration for the call, if it sent
 * one.
 */
record RtbOffer(
    Status status,
    String reason,
    String bidId,
    BigDecimal amount,
    String currency,
    String destination,
    Instant expiresAt,
    Duration conversionTimer) {

  static RtbOffer refused(Status status, String reason) {
    return new RtbOffer(status, reason, null, null, null, null, null, null);
  }

  static RtbOffer bid(
      String reason,
      String bidId,
      BigDecimal amount,
      String currency,
      String destination,
      Instant expiresAt) {
    return new RtbOffer(null, reason, bidId, amount, currency, destination, expiresAt, null);
  }

  RtbOffer withConversionTimer(Duration timer) {
    return new RtbOffer(status, reason, bidId, amount, currency, destination, expiresAt, timer);
  }
}
