package org.ringtree.rules.directory;

import java.util.Map;
import java.util.Objects;
import org.ringtree.rules.money.Money;

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
   * destination, expiry, accepted, conversionSeconds …), a TEMPLATE's request ({@code request.*}),
   * a TEMPLATE's post ({@code post.*}) and the names a platform format sends the call's fields
   * under ({@code field.*}).
   *
   * <p>{@code mode} PING_POST (docs/rtb.md, "Ping-post") pings without the caller's number and,
   * when the target's bid is the next to dial, posts the full call to {@code postUrl} within {@code
   * postTimeoutMillis} (default: the ping's timeout); only a confirmed post is dialled. {@code
   * maxBid} is the most the target says it will ever bid: the auction stops waiting for it once the
   * best offer in hand is at least that (null: the network settings or its bid history).
   */
  record RtbEndpoint(
      String url,
      int timeoutMillis,
      BidResponseFormat format,
      Map<String, String> mapping,
      PingMode mode,
      String postUrl,
      Integer postTimeoutMillis,
      Money maxBid)
      implements Destination {
    public RtbEndpoint {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(format, "format");
      mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
      mode = mode == null ? PingMode.RTB : mode;
      postUrl = postUrl == null || postUrl.isBlank() ? null : postUrl.strip();
      if (timeoutMillis < 50) {
        throw new IllegalArgumentException("RTB timeout must be at least 50 ms: " + timeoutMillis);
      }
      if (mode == PingMode.PING_POST) {
        if (postUrl == null) {
          throw new IllegalArgumentException("a ping-post target needs a post URL");
        }
        if (format != BidResponseFormat.RINGTREE
            && format != BidResponseFormat.MAPPING
            && format != BidResponseFormat.TEMPLATE) {
          // Ringba, Retreaver and CallGrid document a ping and a transfer, no post step
          throw new IllegalArgumentException(
              "ping-post needs the RINGTREE, MAPPING or TEMPLATE format: "
                  + format
                  + " documents no post step");
        }
      }
      if (postTimeoutMillis != null && postTimeoutMillis < 50) {
        throw new IllegalArgumentException(
            "post timeout must be at least 50 ms: " + postTimeoutMillis);
      }
      if (maxBid != null && maxBid.amount().signum() <= 0) {
        throw new IllegalArgumentException(
            "a declared maximum bid is above zero: " + maxBid.amount().toPlainString());
      }
    }

    /** A ping-only endpoint without a declared maximum bid. */
    public RtbEndpoint(
        String url, int timeoutMillis, BidResponseFormat format, Map<String, String> mapping) {
      this(url, timeoutMillis, format, mapping, PingMode.RTB, null, null, null);
    }

    public boolean pingPost() {
      return mode == PingMode.PING_POST;
    }

    /** How long a post may take: its own timeout, else the ping's. */
    public int effectivePostTimeoutMillis() {
      return postTimeoutMillis == null ? timeoutMillis : postTimeoutMillis;
    }

    /** This endpoint as ping-post to {@code url} (null: ping-only). */
    public RtbEndpoint withPost(String url, Integer timeout) {
      return new RtbEndpoint(
          this.url,
          timeoutMillis,
          format,
          mapping,
          url == null ? PingMode.RTB : PingMode.PING_POST,
          url,
          timeout,
          maxBid);
    }

    /** This endpoint with a declared maximum bid (null: none). */
    public RtbEndpoint withMaxBid(Money max) {
      return new RtbEndpoint(
          url, timeoutMillis, format, mapping, mode, postUrl, postTimeoutMillis, max);
    }
  }

  /**
   * Whether an RTB target's bid is dialled as it is (RTB) or only after the target confirms a post
   * with the caller's details (PING_POST, docs/rtb.md "Ping-post").
   */
  enum PingMode {
    /** Ping, then dial the winning bid (the caller's number only if the campaign shares it). */
    RTB,
    /** Ping anonymised; the winner is posted the full call and dialled once it confirms. */
    PING_POST
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
