package org.ringtree.rules.routing;

import java.time.Instant;
import java.util.Map;

/**
 * What we tell buyers about a call when we ask them to bid (the RTB contract, docs/rtb.md). Only
 * what a buyer needs to price the call: never the caller's full number unless the campaign allows.
 */
public record BidRequest(
    String callId,
    String campaignId,
    String publisherId,
    String callerNumber,
    String callerState,
    String callerZip,
    String callerCity,
    String callerAreaCode,
    String callerCountry,
    Map<String, String> tags,
    Instant arrivedAt) {

  public BidRequest {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }
}
