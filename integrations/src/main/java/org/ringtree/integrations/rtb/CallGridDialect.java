package org.ringtree.integrations.rtb;

import static org.ringtree.integrations.rtb.RtbFields.amount;
import static org.ringtree.integrations.rtb.RtbFields.clip;
import static org.ringtree.integrations.rtb.RtbFields.firstText;
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
 * CallGrid's bid API (callgrid.com/knowledge-base/bid-api): a JSON POST to {@code
 * https://bid.callgrid.com/api/bid/<Grid-ID>} with {@code CallerId}, {@code InboundStateCode},
 * {@code InboundZipCode}, custom parameters and {@code "pstn": true} (we dial a phone number, not
 * SIP); always HTTP 200 with a {@code code}: 1000 accepted, 2000 declined, 3000 no capacity,
 * 4001–4006 (live-call-bidding error codes), each kept in the trace with its meaning.
 */
final class CallGridDialect implements RtbDialect {

  static final CallGridDialect INSTANCE = new CallGridDialect();

  /** CallGrid's 4xxx codes and whether they are the buyer's choice (a decline) or our error. */
  private record Code(String meaning, Status status) {}

  private static final Map<Integer, Code> CODES_4XXX =
      Map.of(
          4001, new Code("campaign disabled", Status.ERROR),
          4002, new Code("campaign paused", Status.DECLINED),
          4003, new Code("invalid caller ID", Status.ERROR),
          4004, new Code("capacity check failed", Status.DECLINED),
          4005, new Code("duplicate caller", Status.DECLINED),
          4006, new Code("no PSTN numbers available", Status.ERROR));

  @Override
  public RtbHttpRequest request(BidRequest r, RtbEndpoint endpoint, Duration timeout) {
    Map<String, String> names = endpoint.mapping();
    ObjectNode body = RtbFields.MAPPER.createObjectNode();
    put(body, fieldName(names, "callerNumber", "CallerId"), r.callerNumber());
    put(body, fieldName(names, "state", "InboundStateCode"), r.callerState());
    put(body, fieldName(names, "zip", "InboundZipCode"), r.callerZip());
    put(body, fieldName(names, "publisherId", "PublisherId"), r.publisherId());
    put(body, fieldName(names, "areaCode", null), r.callerAreaCode());
    body.put("pstn", true);
    RtbFields.putTags(body, r);
    return RtbHttpRequest.json(endpoint.url(), RtbFields.write(body));
  }

  @Override
  public RtbOffer read(JsonNode json, RtbEndpoint endpoint, Instant receivedAt) {
    JsonNode codeNode = json.get("code");
    if (codeNode == null || !(codeNode.canConvertToInt() || codeNode.isTextual())) {
      return RtbOffer.refused(Status.INVALID, "missing CallGrid 'code'");
    }
    int code;
    try {
      code = codeNode.isTextual() ? Integer.parseInt(codeNode.asText().trim()) : codeNode.asInt();
    } catch (NumberFormatException e) {
      return RtbOffer.refused(
          Status.INVALID, "CallGrid code is not a number: " + clip(codeNode.asText()));
    }
    String message = firstText(json, "message", "reason");
    String suffix = message == null ? "" : ": " + clip(message);
    if (code == 2000) {
      return RtbOffer.refused(Status.DECLINED, "declined (CallGrid 2000)" + suffix);
    }
    if (code == 3000) {
      return RtbOffer.refused(Status.DECLINED, "no capacity (CallGrid 3000)" + suffix);
    }
    Code known = CODES_4XXX.get(code);
    if (known != null) {
      return RtbOffer.refused(
          known.status(), known.meaning() + " (CallGrid " + code + ")" + suffix);
    }
    if (code >= 4000 && code <= 4999) {
      return RtbOffer.refused(Status.ERROR, "CallGrid error " + code + suffix);
    }
    if (code != 1000) {
      return RtbOffer.refused(Status.INVALID, "unknown CallGrid code " + code + suffix);
    }
    // CallGrid's public guide shows the code and message of an accepted bid but not the names of
    // its other fields in full: read the usual names, in a "bid" object or at the top level
    JsonNode bid = json.has("bid") && json.get("bid").isObject() ? json.get("bid") : json;
    String destination = firstText(bid, "phoneNumber", "destination", "number");
    if (isBlank(destination)) {
      destination = sip(text(bid.get("sipAddress")));
    }
    JsonNode amountNode = bid.has("bidAmount") ? bid.get("bidAmount") : bid.get("amount");
    JsonNode expiry = bid.has("expiresInSeconds") ? bid.get("expiresInSeconds") : bid.get("ttl");
    return RtbOffer.bid(
        null,
        firstText(bid, "bidId", "id"),
        amount(amountNode, "bidAmount"),
        text(bid.get("currency")),
        destination,
        relativeExpiry(expiry, receivedAt));
  }
}
