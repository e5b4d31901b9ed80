package org.ringtree.rules.directory;

import java.util.Map;
import java.util.Objects;

/** Where a target takes calls: a phone number, a SIP URI, or an RTB endpoint that bids first. */
public sealed interface Destination {

  /** A phone number in E.164 form, e.g. +15125550100. */
  record PhoneNumber(String e164) implements Destination {
    public PhoneNumber {
      Objects.requireNonNull(e164, "e164");
      if (!e164.matches("\\+[1-9][0-9]{6,14}")) {
        throw new IllegalArgumentException("not an E.164 number: " + e164);
      }
    }
  }

  /** A SIP URI, with optional digest credentials. */
  record SipUri(String uri, String username, String password) implements Destination {
    public SipUri {
      Objects.requireNonNull(uri, "uri");
      if (!uri.startsWith("sip:") && !uri.startsWith("sips:")) {
        throw new IllegalArgumentException("not a SIP URI: " + uri);
      }
    }
  }

  /**
   * A real-time-bidding endpoint: pinged with a bid request; an accepted bid names the dialable
   * destination. {@code format} says how its response is parsed; {@code mapping} holds JSON paths
   * for the MAPPING format (keys: amount, destination, expiry, accepted).
   */
  record RtbEndpoint(
      String url, int timeoutMillis, BidResponseFormat format, Map<String, String> mapping)
      implements Destination {
    public RtbEndpoint {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(format, "format");
      mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
      if (timeoutMillis < 50) {
        throw new IllegalArgumentException("RTB timeout must be at least 50 ms: " + timeoutMillis);
      }
    }
  }

  /** Response shapes of the buyers' bid APIs we understand. */
  enum BidResponseFormat {
    RINGTREE,
    RINGBA,
    RETREAVER,
    CALLGRID,
    MAPPING
  }
}
