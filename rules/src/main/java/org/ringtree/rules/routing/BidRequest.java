package org.ringtree.rules.routing;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.directory.Destination;

/**
 * What we tell buyers about a call when we ask them to bid (the RTB contract, docs/rtb.md). Only
 * what a buyer needs to price the call: never the caller's full number unless the campaign allows.
 * {@code score} is the call's quality score (0–100, docs/score.md), null when it was not scored.
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
    Instant arrivedAt,
    Integer score) {

  /** A request for a call not scored. */
  public BidRequest(
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
    this(
        callId,
        campaignId,
        publisherId,
        callerNumber,
        callerState,
        callerZip,
        callerCity,
        callerAreaCode,
        callerCountry,
        tags,
        arrivedAt,
        null);
  }

  public BidRequest {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  /**
   * What a call tells its buyers: its tags and IVR answers (an answer wins over a tag of the same
   * name) and, only when {@code withCallerNumber}, the caller's number.
   */
  public static BidRequest of(CallFacts facts, boolean withCallerNumber) {
    Map<String, String> said = new TreeMap<>(facts.tags());
    said.putAll(facts.answers());
    return new BidRequest(
        facts.callId(),
        facts.campaignId(),
        facts.publisherId(),
        withCallerNumber ? facts.caller().number() : null,
        facts.caller().state(),
        facts.caller().zip(),
        facts.caller().city(),
        facts.caller().areaCode(),
        facts.caller().country(),
        said,
        facts.arrivedAt(),
        facts.score() == null ? null : facts.score().value());
  }

  /**
   * The request a ping-post target is pinged with: no caller number, whatever the campaign shares;
   * the number is only told to the winner, in the post (docs/rtb.md, "Ping-post").
   */
  public BidRequest withoutCallerNumber() {
    return new BidRequest(
        callId,
        campaignId,
        publisherId,
        null,
        callerState,
        callerZip,
        callerCity,
        callerAreaCode,
        callerCountry,
        tags,
        arrivedAt,
        score);
  }

  /** The request one target is pinged with (anonymised for a ping-post target). */
  public BidRequest forPing(Destination.RtbEndpoint endpoint) {
    return endpoint.pingPost() ? withoutCallerNumber() : this;
  }
}
