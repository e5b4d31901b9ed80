package org.ringtree.integrations.rtb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.Bid;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.PingResult.Status;

/**
 * Turns a buyer's HTTP answer into a {@link PingResult}: the target's {@link RtbDialect} (one per
 * {@link BidResponseFormat}) says what the answer means, and the checks here are the same for all.
 * Never throws for what a buyer sends: errors, garbage, empty bodies, zero, negative or absurd
 * amounts and missing destinations all become a result with a reason. Thread-safe.
 */
public final class BidResponseParser {

  private final RtbLimits limits;
  private final ObjectMapper mapper;

  public BidResponseParser() {
    this(RtbLimits.defaults());
  }

  public BidResponseParser(RtbLimits limits) {
    this.limits = limits;
    this.mapper = RingtreeJson.mapper();
  }

  /**
   * @param httpStatus the HTTP status the buyer answered with
   * @param body the response body, possibly null or empty
   * @param latency the time from sending the request to receiving the whole answer
   * @param receivedAt when the answer arrived (relative expiries count from here)
   */
  public PingResult parse(
      PingTarget target, int httpStatus, String body, Duration latency, Instant receivedAt) {
    String id = target.targetId();
    if (httpStatus < 200 || httpStatus > 299) {
      return new PingResult(
          id, Status.ERROR, Optional.empty(), httpStatus, latency, "HTTP " + httpStatus);
    }
    if (body == null || body.isBlank()) {
      return invalid(id, httpStatus, latency, "empty body");
    }
    JsonNode json;
    try {
      json = mapper.readTree(body);
    } catch (Exception e) {
      return invalid(id, httpStatus, latency, "not JSON: " + clip(body));
    }
    if (json == null || !json.isObject()) {
      return invalid(id, httpStatus, latency, "not a JSON object: " + clip(body));
    }
    RtbOffer offer;
    try {
      offer = RtbDialect.of(target.endpoint().format()).read(json, target.endpoint(), receivedAt);
    } catch (RtbFields.UnusableField e) {
      return invalid(id, httpStatus, latency, e.getMessage());
    }
    return judge(id, httpStatus, latency, receivedAt, offer);
  }

  private PingResult judge(
      String id, int http, Duration latency, Instant receivedAt, RtbOffer offer) {
    if (offer.status() == Status.DECLINED || offer.status() == Status.ERROR) {
      return new PingResult(id, offer.status(), Optional.empty(), http, latency, offer.reason());
    }
    if (offer.status() == Status.INVALID) {
      return invalid(id, http, latency, offer.reason());
    }
    BigDecimal amount = offer.amount();
    if (amount == null) {
      return invalid(id, http, latency, "no bid amount");
    }
    if (amount.signum() < 0) {
      return invalid(id, http, latency, "negative bid amount " + amount.toPlainString());
    }
    if (amount.signum() == 0) {
      return new PingResult(
          id,
          Status.DECLINED,
          Optional.empty(),
          http,
          latency,
          offer.reason() != null ? "declined: " + offer.reason() : "zero bid");
    }
    if (amount.compareTo(limits.maxAmount()) > 0) {
      return invalid(
          id,
          http,
          latency,
          "bid amount "
              + amount.toPlainString()
              + " exceeds the maximum "
              + limits.maxAmount().toPlainString());
    }
    String currency =
        offer.currency() == null
            ? limits.defaultCurrency()
            : offer.currency().toUpperCase(Locale.ROOT);
    Money money;
    try {
      money = new Money(amount, currency);
    } catch (IllegalArgumentException e) {
      return invalid(id, http, latency, "unknown currency '" + clip(currency) + "'");
    }
    if (!currency.equals(limits.defaultCurrency())) {
      return invalid(
          id, http, latency, "bid in " + currency + ", expected " + limits.defaultCurrency());
    }
    if (offer.destination() == null || offer.destination().isBlank()) {
      return invalid(id, http, latency, "accepted without a destination");
    }
    Optional<Destination> destination = destination(offer.destination());
    if (destination.isEmpty()) {
      return invalid(id, http, latency, "unusable destination '" + clip(offer.destination()) + "'");
    }
    if (offer.expiresAt() != null && !receivedAt.isBefore(offer.expiresAt())) {
      return invalid(id, http, latency, "bid expired on arrival (" + offer.expiresAt() + ")");
    }
    Bid bid =
        new Bid(
            id,
            offer.bidId(),
            money,
            destination.get(),
            offer.expiresAt(),
            offer.conversionTimer());
    return new PingResult(
        id,
        Status.ACCEPTED,
        Optional.of(bid),
        http,
        latency,
        "bid "
            + money
            + (offer.conversionTimer() == null
                ? ""
                : ", billable after " + offer.conversionTimer().toSeconds() + " s"));
  }

  static Optional<Destination> destination(String raw) {
    String d = raw.trim();
    try {
      if (d.startsWith("sip:") || d.startsWith("sips:")) {
        return Optional.of(new Destination.SipUri(d, null, null));
      }
      String digits = d.replaceAll("[\\s().-]", "");
      if (digits.startsWith("+")) {
        return Optional.of(new Destination.PhoneNumber(digits));
      }
      if (digits.matches("[0-9]{10}")) {
        // A bare ten-digit number is North American (NANP), the industry's default market.
        return Optional.of(new Destination.PhoneNumber("+1" + digits));
      }
      if (digits.matches("1[0-9]{10}")) {
        return Optional.of(new Destination.PhoneNumber("+" + digits));
      }
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static PingResult invalid(String id, int http, Duration latency, String reason) {
    return new PingResult(id, Status.INVALID, Optional.empty(), http, latency, reason);
  }

  static String clip(String s) {
    return RtbFields.clip(s);
  }
}
