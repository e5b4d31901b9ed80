package org.ringtree.runtime.supply;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.ringtree.rules.json.RingtreeJson;
import org.ringtree.runtime.security.SignedInUser;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The bid endpoint publishers ping before sending a call (docs/rtb.md, "Ringtree as a bid
 * endpoint"): {@code POST /rtb/v1/bid/{campaign}} in Ringtree's shape, {@code POST
 * /rtb/v1/bid/{campaign}/ringba} in Ringba's publisher shape. Signed in by a publisher's API key
 * (the {@code /rtb/**} security chain); the publisher is the key's user's, never the request's. Bad
 * input is answered 4xx in the caller's shape and changes nothing.
 */
@RestController
class SupplyBidController {

  private static final Pattern NANP = Pattern.compile("\\+?1?([2-9]\\d{9})");
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
  private static final Pattern ZIP = Pattern.compile("\\d{5}");
  private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
  // Ringba's own keys, read as fields; every other string value of its body is a tag
  private static final Set<String> RINGBA_FIELDS =
      Set.of("CID", "exposeCallerId", "zipcode", "sipOk");
  private static final int MAX_TAGS = 50;

  private final SupplyBids bids;

  SupplyBidController(SupplyBids bids) {
    this.bids = bids;
  }

  @PostMapping(path = "/rtb/v1/bid/{campaign}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> ringtree(
      @PathVariable String campaign, @RequestBody(required = false) String body) {
    return answer(BidShape.RINGTREE, campaign, body, null);
  }

  @PostMapping(path = "/rtb/v1/bid/{campaign}/ringba", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> ringba(
      @PathVariable String campaign,
      @RequestBody(required = false) String body,
      @RequestParam(required = false) String deadlineMillis) {
    return answer(BidShape.RINGBA, campaign, body, deadlineMillis);
  }

  private ResponseEntity<Map<String, Object>> answer(
      BidShape shape, String campaign, String body, String deadlineParam) {
    String publisher = SignedInUser.current().map(u -> u.account().publisherId()).orElse(null);
    SupplyBids.Answer answer;
    if (publisher == null) {
      answer =
          new SupplyBids.Answer.Refused(
              403, SupplyBids.NoBidCode.DISABLED, "the API key's user is linked to no publisher");
    } else {
      try {
        answer = bids.bid(ping(shape, publisher, campaign, body, deadlineParam));
      } catch (BadPing bad) {
        answer = new SupplyBids.Answer.Refused(400, bad.code, bad.getMessage());
      }
    }
    return ResponseEntity.status(BidAnswers.status(answer))
        .contentType(MediaType.APPLICATION_JSON)
        .body(BidAnswers.body(shape, answer));
  }

  /** A ping the endpoint cannot read: 400 with the reason. */
  static final class BadPing extends RuntimeException {
    final SupplyBids.NoBidCode code;

    BadPing(SupplyBids.NoBidCode code, String reason) {
      super(reason, null, false, false);
      this.code = code;
    }
  }

  static SupplyBids.Ping ping(
      BidShape shape, String publisher, String campaign, String body, String deadlineParam) {
    JsonNode json;
    try {
      json = body == null || body.isBlank() ? null : RingtreeJson.mapper().readTree(body);
    } catch (Exception e) {
      throw new BadPing(SupplyBids.NoBidCode.DISABLED, "the body is not JSON");
    }
    if (json == null || !json.isObject()) {
      throw new BadPing(SupplyBids.NoBidCode.DISABLED, "the body must be a JSON object");
    }
    boolean ringba = shape == BidShape.RINGBA;
    String callerField = ringba ? "CID" : "callerNumber";
    String caller = text(json, callerField);
    if (caller == null) {
      throw new BadPing(
          SupplyBids.NoBidCode.MISSING_CALLER_ID,
          "missing required field " + callerField + " (the caller id the call will come from)");
    }
    String number = e164(caller);
    if (number == null) {
      throw new BadPing(
          SupplyBids.NoBidCode.MISSING_CALLER_ID, callerField + " is not a phone number");
    }
    String zip = text(json, ringba ? "zipcode" : "zip");
    if (zip != null && !ZIP.matcher(zip).matches()) {
      throw new BadPing(SupplyBids.NoBidCode.DISABLED, "the zip code must be five digits");
    }
    Map<String, String> tags = new TreeMap<>();
    String state;
    if (ringba) {
      state = null;
      for (Map.Entry<String, JsonNode> f : json.properties()) {
        if (!RINGBA_FIELDS.contains(f.getKey()) && f.getValue().isValueNode()) {
          tags.put(f.getKey(), f.getValue().asText());
        }
      }
      String s = tags.get("State");
      state = s != null && STATE.matcher(s).matches() ? s.toUpperCase(java.util.Locale.ROOT) : null;
    } else {
      state = text(json, "state");
      if (state != null && !STATE.matcher(state).matches()) {
        throw new BadPing(SupplyBids.NoBidCode.DISABLED, "state must be a two-letter code");
      }
      state = state == null ? null : state.toUpperCase(java.util.Locale.ROOT);
      JsonNode t = json.get("tags");
      if (t != null && !t.isNull()) {
        if (!t.isObject()) {
          throw new BadPing(SupplyBids.NoBidCode.DISABLED, "tags must be an object of strings");
        }
        t.properties().forEach(f -> tags.put(f.getKey(), f.getValue().asText()));
      }
    }
    if (tags.size() > MAX_TAGS) {
      throw new BadPing(SupplyBids.NoBidCode.DISABLED, "at most " + MAX_TAGS + " tags");
    }
    String deadlineText = ringba ? deadlineParam : text(json, "deadlineMillis");
    return new SupplyBids.Ping(
        publisher,
        campaign,
        shape,
        number,
        state,
        zip,
        tags,
        deadline(deadlineText),
        sipOk(json.get("sipOk")));
  }

  /**
   * Ringba's {@code sipOk} ("yes" or true in its guide, article 26359999885079), read the same in
   * Ringtree's shape: true asks for a SIP destination, false refuses one, absent says nothing.
   */
  private static Boolean sipOk(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    String text = value.asText().strip().toLowerCase(java.util.Locale.ROOT);
    return switch (text) {
      case "yes", "true", "1" -> Boolean.TRUE;
      case "no", "false", "0" -> Boolean.FALSE;
      default ->
          throw new BadPing(SupplyBids.NoBidCode.DISABLED, "sipOk must be yes, no, true or false");
    };
  }

  private static Duration deadline(String millis) {
    if (millis == null) {
      return SupplyBids.DEFAULT_DEADLINE;
    }
    try {
      Duration d = Duration.ofMillis(Long.parseLong(millis.strip()));
      if (d.toMillis() < 50 || d.compareTo(SupplyBids.MAX_DEADLINE) > 0) {
        throw new BadPing(
            SupplyBids.NoBidCode.DISABLED, "deadlineMillis must be between 50 and 5000");
      }
      return d;
    } catch (NumberFormatException e) {
      throw new BadPing(SupplyBids.NoBidCode.DISABLED, "deadlineMillis must be a whole number");
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode n = json.get(field);
    if (n == null || n.isNull() || !n.isValueNode()) {
      return null;
    }
    String s = n.asText().strip();
    return s.isEmpty() ? null : s;
  }

  /** A North American number in any of Ringba's CID spellings, or any E.164 number. */
  static String e164(String text) {
    String digits = text.replaceAll("[\\s().-]", "");
    var nanp = NANP.matcher(digits);
    if (nanp.matches()) {
      return "+1" + nanp.group(1);
    }
    return E164.matcher(digits).matches() ? digits : null;
  }
}
