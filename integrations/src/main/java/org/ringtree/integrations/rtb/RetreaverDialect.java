package org.ringtree.integrations.rtb;

import static org.ringtree.integrations.rtb.RtbFields.absoluteOrRelativeExpiry;
import static org.ringtree.integrations.rtb.RtbFields.amount;
import static org.ringtree.integrations.rtb.RtbFields.conversionTimer;
import static org.ringtree.integrations.rtb.RtbFields.declined;
import static org.ringtree.integrations.rtb.RtbFields.firstText;
import static org.ringtree.integrations.rtb.RtbFields.isBlank;
import static org.ringtree.integrations.rtb.RtbFields.sip;
import static org.ringtree.integrations.rtb.RtbFields.text;
import static org.ringtree.rules.routing.RtbRequestTemplate.fieldName;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ringtree.rules.directory.Destination.RtbEndpoint;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult.Status;

/**
 * Retreaver's Real-Time-Bidding API (learn.retreaver.com): {@code POST
 * https://rtb.retreaver.com/rtbs.json?key=<postback key>&caller_number=<+E.164>} with the call's
 * data as further parameters; the answer is a reservation {@code {uuid, status, retreaver_payout,
 * retreaver_seconds, inbound_number, sip_address, expires_at}}, at the top level or under {@code
 * rtb}. A {@code reserved} or {@code confirmed} reservation is a bid; {@code retreaver_seconds} is
 * the buyer's conversion timer (how long the call must last to be paid).
 */
final class RetreaverDialect implements RtbDialect {

  static final RetreaverDialect INSTANCE = new RetreaverDialect();

  /** Reservation states Retreaver answers with when a buyer took the call. */
  private static final Set<String> RESERVED = Set.of("reserved", "confirmed");

  @Override
  public RtbHttpRequest request(BidRequest r, RtbEndpoint endpoint, Duration timeout) {
    Map<String, String> names = endpoint.mapping();
    Map<String, String> query = new LinkedHashMap<>();
    // the key is part of the URL the operator saves (rtbs.json?key=…); the caller's number goes
    // only when the campaign shares it (Retreaver accepts a reservation without it)
    query.put(fieldName(names, "callerNumber", "caller_number"), r.callerNumber());
    query.put(fieldName(names, "zip", null), r.callerZip());
    query.put(fieldName(names, "state", null), r.callerState());
    query.put(fieldName(names, "areaCode", null), r.callerAreaCode());
    query.put(fieldName(names, "publisherId", null), r.publisherId());
    RtbFields.tags(r).forEach(query::putIfAbsent);
    query.remove(null);
    return new RtbHttpRequest(
        "POST", RtbFields.withQuery(endpoint.url(), query), Map.of(), null, null);
  }

  @Override
  public RtbOffer read(JsonNode json, RtbEndpoint endpoint, Instant receivedAt) {
    JsonNode rtb = json.has("rtb") && json.get("rtb").isObject() ? json.get("rtb") : json;
    String status = text(rtb.get("status"));
    if (isBlank(status)) {
      return RtbOffer.refused(Status.INVALID, "no Retreaver reservation status");
    }
    if (!RESERVED.contains(status.trim().toLowerCase(Locale.ROOT))) {
      String why = firstText(rtb, "reason", "message", "error");
      return RtbOffer.refused(
          Status.DECLINED, declined(why == null ? status : status + ": " + why));
    }
    String destination = text(rtb.get("inbound_number"));
    if (isBlank(destination)) {
      destination = sip(text(rtb.get("sip_address")));
    }
    Duration timer = conversionTimer(rtb.get("retreaver_seconds"), "retreaver_seconds");
    return RtbOffer.bid(
            "reservation " + status.trim().toLowerCase(Locale.ROOT),
            text(rtb.get("uuid")),
            amount(rtb.get("retreaver_payout"), "retreaver_payout"),
            null,
            destination,
            absoluteOrRelativeExpiry(rtb.get("expires_at"), "expires_at", receivedAt))
        .withConversionTimer(timer);
  }
}
