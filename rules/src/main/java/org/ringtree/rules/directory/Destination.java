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
   * destination. {@code format} says how its request is written and its answer read (docs/rtb.md);
   * {@code mapping} holds JSON paths for the MAPPING and TEMPLATE answers (keys: amount,
   * destination, expiry, accepted, conversionSeconds …), a TEMPLATE's request ({@code request.*})
   * and the names a platform format sends the call's fields under ({@code field.*}).
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

  /** Request and answer shapes of the buyers' bid APIs we speak (docs/rtb.md). */
  enum BidResponseFormat {
    /** Our own request and answer. */
    RINGTREE,
    /**
     * Ringba RTB: JSON {CID, exposeCallerId, zipcode, tags}; bidAmount/phoneNumber/rejectReason.
     */
    RINGBA,
    /** Retreaver RTB: POST rtbs.json?key=…&caller_number=…; reserved/confirmed reservations. */
    RETREAVER,
    /**
     * CallGrid bid API: JSON {CallerId, InboundStateCode, InboundZipCode, pstn}; codes 1000–4006.
     */
    CALLGRID,
    /** Our request; the answer read through the target's JSON paths. */
    MAPPING,
    /** Method, URL, body and headers from the target's template; the answer through JSON paths. */
    TEMPLATE
  }
}
