package org.ringtree.integrations.rtb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ringtree.rules.directory.Destination;
import org.ringtree.rules.directory.Destination.BidResponseFormat;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.money.Money;
import org.ringtree.rules.routing.Bid;
import org.ringtree.rules.routing.BidCollector.PingTarget;
import org.ringtree.rules.routing.PingResult;
import org.ringtree.rules.routing.PingResult.Status;

/**
 * Turns a buyer's HTTP answer into a {@link PingResult} according to the target's {@link
 * BidResponseFormat}. Never throws for what a buyer sends: errors, garbage, empty bodies, zero,
 * negative or absurd amounts and missing destinations all become a result with a reason.
 * Thread-safe.
 */
public final class BidResponseParser {

  private static final Set<String> ACCEPTING_WORDS =
      Set.of("accepted", "accept", "ok", "success", "available", "true", "yes", "bid");
  private static final int MAX_REASON_CHARS = 200;

  private final RtbLimits limits;
  private final ObjectMapper mapper;
  private final Configuration jsonPath;

  public BidResponseParser() {
    this(RtbLimits.defaults());
  }

  public BidResponseParser(RtbLimits limits) {
    this.limits = limits;
    this.mapper = RingtreeJson.mapper();
    this.jsonPath =
        Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(mapper))
            .mappingProvider(new JacksonMappingProvider(mapper))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();
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
    Offer offer;
    try {
      offer =
          switch (target.endpoint().format()) {
            case RINGTREE -> ringtree(json, receivedAt);
            case RINGBA -> ringba(json, receivedAt);
            case RETREAVER -> retreaver(json, receivedAt);
            case CALLGRID -> callgrid(json, receivedAt);
            case MAPPING -> mapped(json, target.endpoint().mapping(), receivedAt);
          };
    } catch (UnusableField e) {
      return invalid(id, httpStatus, latency, e.getMessage());
    }
    return judge(id, httpStatus, latency, receivedAt, offer);
  }

  /** What a response said, before our checks. {@code status} null means "decide by amount". */
  private record Offer(
      Status status,
      String reason,
      String bidId,
      BigDecimal amount,
      String currency,
      String destination,
      Instant expiresAt) {

    static Offer refused(Status status, String reason) {
      return new Offer(status, reason, null, null, null, null, null);
    }
  }

  private PingResult judge(String id, int http, Duration latency, Instant receivedAt, Offer offer) {
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
    Bid bid = new Bid(id, offer.bidId(), money, destination.get(), offer.expiresAt());
    return new PingResult(id, Status.ACCEPTED, Optional.of(bid), http, latency, "bid " + money);
  }

  // --- The shapes -------------------------------------------------------------------------------

  /** Ours: bidId, accepted, amount, currency, destination, expiresInSeconds, reason. */
  private Offer ringtree(JsonNode json, Instant receivedAt) {
    Boolean accepted = bool(json.get("accepted"), "accepted");
    String reason = text(json.get("reason"));
    if (accepted == null) {
      return Offer.refused(Status.INVALID, "missing 'accepted'");
    }
    if (!accepted) {
      return Offer.refused(Status.DECLINED, declined(reason));
    }
    return new Offer(
        null,
        reason,
        text(json.get("bidId")),
        amount(json.get("amount"), "amount"),
        text(json.get("currency")),
        text(json.get("destination")),
        relativeExpiry(json.get("expiresInSeconds"), receivedAt));
  }

  /** Ringba-style: bidId, bidAmount, expireInSeconds, phoneNumber/phoneNumberNoPlus, sipAddress. */
  private Offer ringba(JsonNode json, Instant receivedAt) {
    String reject = text(json.get("rejectReason"));
    if (reject != null && !reject.isBlank()) {
      return Offer.refused(Status.DECLINED, declined(reject));
    }
    String destination = text(json.get("phoneNumber"));
    if (isBlank(destination)) {
      String noPlus = text(json.get("phoneNumberNoPlus"));
      destination = isBlank(noPlus) ? null : "+" + noPlus.trim();
    }
    if (isBlank(destination)) {
      destination = sip(text(json.get("sipAddress")));
    }
    return new Offer(
        null,
        null,
        text(json.get("bidId")),
        amount(json.get("bidAmount"), "bidAmount"),
        null,
        destination,
        relativeExpiry(json.get("expireInSeconds"), receivedAt));
  }

  /** Retreaver-style: payout, inbound_number, expires_at, status. */
  private Offer retreaver(JsonNode json, Instant receivedAt) {
    String status = text(json.get("status"));
    if (status != null && !ACCEPTING_WORDS.contains(status.trim().toLowerCase(Locale.ROOT))) {
      String why = firstText(json, "reason", "message");
      return Offer.refused(Status.DECLINED, declined(why == null ? status : status + ": " + why));
    }
    return new Offer(
        null,
        null,
        firstText(json, "id", "bid_id"),
        amount(json.get("payout"), "payout"),
        text(json.get("currency")),
        text(json.get("inbound_number")),
        absoluteOrRelativeExpiry(json.get("expires_at"), "expires_at", receivedAt));
  }

  /**
   * CallGrid-style, always HTTP 200: code 1000 accepted, 2000 declined, 3000 no capacity, 4xxx
   * error; amount in bidAmount/amount, destination in phoneNumber/destination/number/sipAddress.
   */
  private Offer callgrid(JsonNode json, Instant receivedAt) {
    JsonNode codeNode = json.get("code");
    if (codeNode == null || !(codeNode.canConvertToInt() || codeNode.isTextual())) {
      return Offer.refused(Status.INVALID, "missing CallGrid 'code'");
    }
    int code;
    try {
      code = codeNode.isTextual() ? Integer.parseInt(codeNode.asText().trim()) : codeNode.asInt();
    } catch (NumberFormatException e) {
      return Offer.refused(
          Status.INVALID, "CallGrid code is not a number: " + clip(codeNode.asText()));
    }
    String message = firstText(json, "message", "reason");
    String suffix = message == null ? "" : ": " + message;
    if (code == 2000) {
      return Offer.refused(Status.DECLINED, "declined (CallGrid 2000)" + suffix);
    }
    if (code == 3000) {
      return Offer.refused(Status.DECLINED, "no capacity (CallGrid 3000)" + suffix);
    }
    if (code >= 4000 && code <= 4999) {
      return Offer.refused(Status.ERROR, "CallGrid error " + code + suffix);
    }
    if (code != 1000) {
      return Offer.refused(Status.INVALID, "unknown CallGrid code " + code + suffix);
    }
    JsonNode bid = json.has("bid") && json.get("bid").isObject() ? json.get("bid") : json;
    String destination = firstText(bid, "phoneNumber", "destination", "number");
    if (isBlank(destination)) {
      destination = sip(text(bid.get("sipAddress")));
    }
    JsonNode amountNode = bid.has("bidAmount") ? bid.get("bidAmount") : bid.get("amount");
    JsonNode expiry = bid.has("expiresInSeconds") ? bid.get("expiresInSeconds") : bid.get("ttl");
    return new Offer(
        null,
        null,
        firstText(bid, "bidId", "id"),
        amount(amountNode, "bidAmount"),
        text(bid.get("currency")),
        destination,
        relativeExpiry(expiry, receivedAt));
  }

  /**
   * Per-target JSON paths (keys amount, destination, expiry, accepted; optional bidId, currency,
   * reason). A path starting with "/" is a JSON Pointer, anything else a JsonPath such as {@code
   * $.bid.price}. A numeric expiry is seconds from now, a text one an ISO-8601 instant.
   */
  private Offer mapped(JsonNode json, Map<String, String> mapping, Instant receivedAt) {
    if (!mapping.containsKey("amount") || !mapping.containsKey("destination")) {
      return Offer.refused(
          Status.INVALID, "mapping needs at least 'amount' and 'destination' paths");
    }
    String reason = text(select(json, mapping, "reason"));
    if (mapping.containsKey("accepted")) {
      JsonNode flag = select(json, mapping, "accepted");
      boolean accepted;
      if (flag == null || flag.isNull()) {
        accepted = false;
      } else if (flag.isBoolean()) {
        accepted = flag.booleanValue();
      } else if (flag.isNumber()) {
        accepted = flag.asInt() != 0;
      } else {
        accepted = ACCEPTING_WORDS.contains(flag.asText().trim().toLowerCase(Locale.ROOT));
      }
      if (!accepted) {
        return Offer.refused(Status.DECLINED, declined(reason));
      }
    }
    return new Offer(
        null,
        reason,
        text(select(json, mapping, "bidId")),
        amount(select(json, mapping, "amount"), "amount at " + mapping.get("amount")),
        text(select(json, mapping, "currency")),
        text(select(json, mapping, "destination")),
        absoluteOrRelativeExpiry(select(json, mapping, "expiry"), "expiry", receivedAt));
  }

  private JsonNode select(JsonNode json, Map<String, String> mapping, String key) {
    String path = mapping.get(key);
    if (path == null || path.isBlank()) {
      return null;
    }
    if (path.startsWith("/")) {
      JsonNode node = json.at(path);
      return node.isMissingNode() ? null : node;
    }
    try {
      Object found = JsonPath.using(jsonPath).parse(json).read(path);
      return found instanceof JsonNode n ? n : found == null ? null : mapper.valueToTree(found);
    } catch (RuntimeException e) {
      throw new UnusableField("bad JSON path for " + key + ": " + clip(path));
    }
  }

  // --- Field helpers ----------------------------------------------------------------------------

  /** A field we could not use; becomes an INVALID result. */
  private static final class UnusableField extends RuntimeException {
    UnusableField(String message) {
      super(message, null, false, false);
    }
  }

  private static BigDecimal amount(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual()) {
      String t = node.asText().trim();
      if (t.startsWith("$")) {
        t = t.substring(1).trim();
      }
      try {
        return new BigDecimal(t);
      } catch (NumberFormatException e) {
        throw new UnusableField("unparseable " + field + " '" + clip(node.asText()) + "'");
      }
    }
    throw new UnusableField("unparseable " + field + " " + clip(node.toString()));
  }

  private static Boolean bool(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()
        && Set.of("true", "false").contains(node.asText().toLowerCase(Locale.ROOT))) {
      return Boolean.parseBoolean(node.asText());
    }
    throw new UnusableField("'" + field + "' is not a boolean: " + clip(node.toString()));
  }

  private static Instant relativeExpiry(JsonNode seconds, Instant receivedAt) {
    if (seconds == null || seconds.isNull()) {
      return null;
    }
    BigDecimal s = amount(seconds, "expiry seconds");
    if (s.signum() <= 0) {
      throw new UnusableField("bid expired on arrival (expires in " + s.toPlainString() + " s)");
    }
    return receivedAt.plusMillis(
        s.multiply(BigDecimal.valueOf(1000)).min(BigDecimal.valueOf(86_400_000L)).longValue());
  }

  private static Instant absoluteOrRelativeExpiry(JsonNode node, String field, Instant receivedAt) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      return relativeExpiry(node, receivedAt);
    }
    String t = node.asText().trim();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(t);
      } catch (DateTimeParseException e2) {
        throw new UnusableField("unparseable " + field + " '" + clip(t) + "'");
      }
    }
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

  private static String sip(String address) {
    if (isBlank(address)) {
      return null;
    }
    String a = address.trim();
    return a.startsWith("sip:") || a.startsWith("sips:") ? a : "sip:" + a;
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    return node.asText();
  }

  private static String firstText(JsonNode json, String... fields) {
    for (String f : fields) {
      String t = text(json.get(f));
      if (!isBlank(t)) {
        return t;
      }
    }
    return null;
  }

  private static String declined(String reason) {
    return isBlank(reason) ? "declined" : "declined: " + clip(reason);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private static PingResult invalid(String id, int http, Duration latency, String reason) {
    return new PingResult(id, Status.INVALID, Optional.empty(), http, latency, reason);
  }

  static String clip(String s) {
    String oneLine = s.replaceAll("\\s+", " ").strip();
    return oneLine.length() > MAX_REASON_CHARS
        ? oneLine.substring(0, MAX_REASON_CHARS) + "…"
        : oneLine;
  }
}
