package org.ringtree.integrations.rtb;

import static org.ringtree.integrations.rtb.RtbFields.amount;
import static org.ringtree.integrations.rtb.RtbFields.declined;
import static org.ringtree.integrations.rtb.RtbFields.isBlank;
import static org.ringtree.integrations.rtb.RtbFields.put;
import static org.ringtree.integrations.rtb.RtbFields.relativeExpiry;
import static org.ringtree.integrations.rtb.RtbFields.sip;
import static org.ringtree.integrations.rtb.RtbFields.text;
import static org.ringtree.rules.routing.RtbRequestTemplate.fieldName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.ringtree.rules.directory.Destination.RtbEndpoint;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult.Status;

/**
 * Ringba RTB, as its publisher guide documents it (support.ringba.com article 26359999885079): a
 * JSON POST to {@code https://rtb.ringba.com/v1/production/<RTB_ID>.json} with {@code CID} (the
 * caller's number, digits only), {@code exposeCallerId}, {@code zipcode} and the campaign's tags;
 * the answer has {@code bidId}, {@code bidAmount}, {@code expireInSeconds}, {@code phoneNumber} /
 * {@code phoneNumberNoPlus} / {@code sipAddress}, or a zero bid with a {@code rejectReason}.
 */
final class RingbaDialect implements RtbDialect {

  static final RingbaDialect INSTANCE = new RingbaDialect();

  /** Ringba's RTB error codes (support.ringba.com article 17992477665943). */
  static final Map<Integer, String> ERROR_CODES =
      Map.ofEntries(
          Map.entry(1001, "disabled"),
          Map.entry(1002, "initial tag filter"),
          Map.entry(1003, "no capacity"),
          Map.entry(1004, "caller ID refused"),
          Map.entry(1005, "final tag filters"),
          Map.entry(1006, "final capacity check"),
          Map.entry(1007, "closed or capped"),
          Map.entry(1024, "rate-limited by the campaign"),
          Map.entry(1025, "rate-limited by Ringba"),
          Map.entry(1100, "caller ID required"));

  @Override
  public RtbHttpRequest request(BidRequest r, RtbEndpoint endpoint, Duration timeout) {
    Map<String, String> names = endpoint.mapping();
    ObjectNode body = RtbFields.MAPPER.createObjectNode();
    if (r.callerNumber() != null) {
      // the guide's example sends the number as digits ("15557779999"); the caller's number is
      // only here when the campaign shares it, and then the buyer may see it
      put(body, fieldName(names, "callerNumber", "CID"), r.callerNumber().replaceAll("[^0-9]", ""));
      body.put("exposeCallerId", "yes");
    }
    put(body, fieldName(names, "zip", "zipcode"), r.callerZip());
    // not in Ringba's own request: sent only under a name the target configures (field.state …),
    // as the buyer's campaign defines those tags
    put(body, fieldName(names, "state", null), r.callerState());
    put(body, fieldName(names, "areaCode", null), r.callerAreaCode());
    put(body, fieldName(names, "publisherId", null), r.publisherId());
    RtbFields.putTags(body, r);
    return RtbHttpRequest.json(endpoint.url(), RtbFields.write(body));
  }

  @Override
  public RtbOffer read(JsonNode json, RtbEndpoint endpoint, Instant receivedAt) {
    String reject = text(json.get("rejectReason"));
    if (!isBlank(reject)) {
      return RtbOffer.refused(Status.DECLINED, declined(withCode(json, reject)));
    }
    String destination = text(json.get("phoneNumber"));
    if (isBlank(destination)) {
      String noPlus = text(json.get("phoneNumberNoPlus"));
      destination = isBlank(noPlus) ? null : "+" + noPlus.trim();
    }
    if (isBlank(destination)) {
      destination = sip(text(json.get("sipAddress")));
    }
    return RtbOffer.bid(
        null,
        text(json.get("bidId")),
        amount(json.get("bidAmount"), "bidAmount"),
        null,
        destination,
        relativeExpiry(json.get("expireInSeconds"), receivedAt));
  }

  /** The reject reason, with the meaning of a Ringba error code when the answer carries one. */
  private static String withCode(JsonNode json, String reject) {
    JsonNode code = json.get("code");
    if (code != null && code.canConvertToInt() && ERROR_CODES.containsKey(code.asInt())) {
      return reject + " (Ringba " + code.asInt() + ": " + ERROR_CODES.get(code.asInt()) + ")";
    }
    return reject;
  }
}
