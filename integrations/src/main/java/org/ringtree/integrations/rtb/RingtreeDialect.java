package org.ringtree.integrations.rtb;

import static org.ringtree.integrations.rtb.RtbFields.amount;
import static org.ringtree.integrations.rtb.RtbFields.bool;
import static org.ringtree.integrations.rtb.RtbFields.declined;
import static org.ringtree.integrations.rtb.RtbFields.relativeExpiry;
import static org.ringtree.integrations.rtb.RtbFields.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import org.ringtree.rules.directory.Destination.RtbEndpoint;
import org.ringtree.rules.routing.BidRequest;
import org.ringtree.rules.routing.PingResult.Status;

/** Ours (docs/rtb.md, "RINGTREE"): {@link BidRequestJson} out; accepted/amount/destination back. */
final class RingtreeDialect implements RtbDialect {

  static final RingtreeDialect INSTANCE = new RingtreeDialect();
  private static final BidRequestJson JSON = new BidRequestJson();

  @Override
  public RtbHttpRequest request(BidRequest request, RtbEndpoint endpoint, Duration timeout) {
    return RtbHttpRequest.json(endpoint.url(), JSON.write(request, timeout));
  }

  @Override
  public RtbOffer read(JsonNode json, RtbEndpoint endpoint, Instant receivedAt) {
    Boolean accepted = bool(json.get("accepted"), "accepted");
    String reason = text(json.get("reason"));
    if (accepted == null) {
      return RtbOffer.refused(Status.INVALID, "missing 'accepted'");
    }
    if (!accepted) {
      return RtbOffer.refused(Status.DECLINED, declined(reason));
    }
    return RtbOffer.bid(
        reason,
        text(json.get("bidId")),
        amount(json.get("amount"), "amount"),
        text(json.get("currency")),
        text(json.get("destination")),
        relativeExpiry(json.get("expiresInSeconds"), receivedAt));
  }
}
