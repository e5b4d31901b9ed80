package org.ringtree.integrations.rtb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.rules.routing.BidRequest;

/** Reading answer fields and writing request fields, shared by the dialects. */
final class RtbFields {

  static final Set<String> ACCEPTING_WORDS =
      Set.of("accepted", "accept", "ok", "success", "available", "true", "yes", "bid");
  static final int MAX_REASON_CHARS = 200;
  static final ObjectMapper MAPPER = RingtreeJson.mapper();

  /** A conversion timer past a day is a buyer's bug, not a billable duration. */
  private static final long MAX_CONVERSION_SECONDS = 86_400;

  private RtbFields() {}

  /** A field we could not use; becomes an INVALID result. */
  static final class UnusableField extends RuntimeException {
    UnusableField(String message) {
      super(message, null, false, false);
    }
  }

  static BigDecimal amount(JsonNode node, String field) {
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

  static Boolean bool(JsonNode node, String field) {
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

  /** A whole number of seconds the call must last for the buyer to pay; null when absent. */
  static Duration conversionTimer(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    BigDecimal s = amount(node, field);
    if (s.signum() < 0 || s.compareTo(BigDecimal.valueOf(MAX_CONVERSION_SECONDS)) > 0) {
      throw new UnusableField(
          field + " " + s.toPlainString() + " is not a conversion timer (0 to 86400 s)");
    }
    return Duration.ofSeconds(s.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
  }

  static Instant relativeExpiry(JsonNode seconds, Instant receivedAt) {
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

  static Instant absoluteOrRelativeExpiry(JsonNode node, String field, Instant receivedAt) {
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

  static String sip(String address) {
    if (isBlank(address)) {
      return null;
    }
    String a = address.trim();
    return a.startsWith("sip:") || a.startsWith("sips:") ? a : "sip:" + a;
  }

  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isContainerNode()) {
      return null;
    }
    return node.asText();
  }

  static String firstText(JsonNode json, String... fields) {
    for (String f : fields) {
      String t = text(json.get(f));
      if (!isBlank(t)) {
        return t;
      }
    }
    return null;
  }

  static String declined(String reason) {
    return isBlank(reason) ? "declined" : "declined: " + clip(reason);
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  static String clip(String s) {
    String oneLine = s.replaceAll("\\s+", " ").strip();
    return oneLine.length() > MAX_REASON_CHARS
        ? oneLine.substring(0, MAX_REASON_CHARS) + "…"
        : oneLine;
  }

  // --- Writing requests -------------------------------------------------------------------------

  /**
   * The call's tags and IVR answers under their own names, for the platforms whose buyers read
   * custom tags (Ringba, CallGrid, Retreaver); sorted, an answer wins over a tag (BidRequest).
   */
  static Map<String, String> tags(BidRequest r) {
    return new TreeMap<>(r.tags());
  }

  /** Puts a text field when there is a value and a name (a blank configured name leaves it out). */
  static void put(ObjectNode body, String name, String value) {
    if (value != null && name != null && !name.isBlank()) {
      body.put(name, value);
    }
  }

  static void putTags(ObjectNode body, BidRequest r) {
    tags(r)
        .forEach(
            (k, v) -> {
              if (!body.has(k)) {
                body.put(k, v);
              }
            });
  }

  /** The URL with these parameters added to its query, each name and value percent-encoded. */
  static String withQuery(String url, Map<String, String> params) {
    StringBuilder sb = new StringBuilder(url.strip());
    boolean hasQuery = url.indexOf('?') >= 0;
    for (Map.Entry<String, String> p : params.entrySet()) {
      if (p.getValue() == null || p.getKey() == null || p.getKey().isBlank()) {
        continue;
      }
      char last = sb.charAt(sb.length() - 1);
      if (!hasQuery) {
        sb.append('?');
        hasQuery = true;
      } else if (last != '?' && last != '&') {
        sb.append('&');
      }
      sb.append(encodeQuery(p.getKey())).append('=').append(encodeQuery(p.getValue()));
    }
    return sb.toString();
  }

  static String encodeQuery(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a bid request", e);
    }
  }
}
