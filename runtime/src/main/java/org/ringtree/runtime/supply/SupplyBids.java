package org.ringtree.runtime.supply;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.integrations.rtb.PingRateLimiter;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.directory.DuplicateRule;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.engine.DecisionEngine;
import org.ringtree.rules.engine.RouteRequest;
import org.ringtree.rules.engine.Step;
import org.ringtree.runtime.flow.FlowRuntimes;
import org.ringtree.runtime.flow.FlowStore;
import org.ringtree.runtime.routing.CapacityStore;
import org.ringtree.runtime.routing.DialPlan;
import org.ringtree.runtime.routing.Router;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Answers publishers' pings (docs/rtb.md, "Ringtree as a bid endpoint"): the campaign's first route
 * node is decided ahead of the call by the same {@link Router} a call uses (eligibility, duplicate
 * and cap rules, the auction among its buyers within the publisher's deadline), capacity is held
 * for the winner from the bid on, and a pool number is lent to the bid. A call on that number from
 * that caller before the bid expires is joined to it ({@link SupplyBidJoins}): the winner is
 * dialled and the publisher is paid as bid.
 */
@Service
public class SupplyBids {

  private static final Logger log = LoggerFactory.getLogger(SupplyBids.class);
  static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(1);
  static final Duration MAX_DEADLINE = Duration.ofSeconds(5);
  private static final Duration HISTORY = Duration.ofSeconds(DuplicateRule.MAX_WINDOW_SECONDS);

  private final SupplyBidStore store;
  private final FlowRuntimes flows;
  private final DecisionEngine engine;
  private final Router router;
  private final CapacityStore capacity;
  private final SupplyScoring scoring;
  private final Clock clock;
  private final PingRateLimiter perPublisher;
  private final Duration holdMargin;
  private final String sipDomain;
  private final SecureRandom tokens = new SecureRandom();

  SupplyBids(
      SupplyBidStore store,
      FlowRuntimes flows,
      DecisionEngine engine,
      Router router,
      CapacityStore capacity,
      SupplyScoring scoring,
      Clock clock,
      SupplySettings limits,
      @Value("${ringtree.routing.hold-margin:60s}") Duration holdMargin,
      @Value("${ringtree.supply.sip-domain:}") String sipDomain) {
    this.store = store;
    this.flows = flows;
    this.engine = engine;
    this.router = router;
    this.capacity = capacity;
    this.scoring = scoring;
    this.clock = clock;
    this.perPublisher = limits.limiter();
    this.holdMargin = holdMargin;
    this.sipDomain = sipDomain == null ? "" : sipDomain.strip().toLowerCase(Locale.ROOT);
  }

  /** A publisher's ping, read from either shape. */
  public record Ping(
      String publisherId,
      String campaignId,
      BidShape shape,
      String callerNumber,
      String state,
      String zip,
      Map<String, String> tags,
      Duration deadline,
      Boolean sipOk) {

    /** A ping that says nothing of SIP. */
    public Ping(
        String publisherId,
        String campaignId,
        BidShape shape,
        String callerNumber,
        String state,
        String zip,
        Map<String, String> tags,
        Duration deadline) {
      this(publisherId, campaignId, shape, callerNumber, state, zip, tags, deadline, null);
    }
  }

  /**
   * Why a ping got no bid, with the Ringba error code of the same meaning (support.ringba.com
   * article 17992477665943) so a Ringba-shaped publisher reads it as it would read Ringba's.
   */
  public enum NoBidCode {
    DISABLED(1001, "Disabled"),
    NO_CAPACITY(1003, "No capacity"),
    CALLER_ID(1004, "Caller ID"),
    CLOSED_OR_CAPPED(1007, "Closed or Capped"),
    RATE_LIMITED(1024, "Rate-limited"),
    MISSING_CALLER_ID(1100, "Caller ID required");

    final int code;
    final String label;

    NoBidCode(int code, String label) {
      this.code = code;
      this.label = label;
    }
  }

  /** What a ping gets back. */
  public sealed interface Answer {
    /** A bid: the payout offered, where to send the call, and until when. */
    record Bid(
        UUID bidId,
        BigDecimal payout,
        String currency,
        String destination,
        long expiresInSeconds,
        boolean repeated,
        Integer score)
        implements Answer {}

    /** No bid (HTTP 200): nobody could take the call now. */
    record NoBid(UUID bidId, NoBidCode code, String reason) implements Answer {}

    /** The ping is refused before any auction (4xx): nothing was stored or held. */
    record Refused(int httpStatus, NoBidCode code, String reason) implements Answer {}
  }

  /** Answers one ping. */
  public Answer bid(Ping ping) {
    if (!perPublisher.tryAcquire(ping.publisherId())) {
      return new Answer.Refused(
          429,
          NoBidCode.RATE_LIMITED,
          "rate limited: publisher "
              + ping.publisherId()
              + " may ping "
              + perPublisher.rateOf(ping.publisherId()).permitsPerSecond()
              + " times a second");
    }
    Optional<SupplyBidStore.CampaignSettings> settings =
        store.settingsIfPool(ping.campaignId(), ping.publisherId());
    if (settings.isEmpty()) {
      return new Answer.Refused(
          404,
          NoBidCode.DISABLED,
          "unknown campaign " + ping.campaignId() + " (or no RTB pool numbers for this publisher)");
    }
    Instant now = clock.instant();
    Optional<SupplyBidStore.StoredBid> open =
        store.openBid(ping.publisherId(), ping.campaignId(), ping.callerNumber(), now);
    if (open.isPresent()) {
      // the same caller pinged again within the bid's life: the same bid, no second auction
      SupplyBidStore.StoredBid b = open.get();
      return new Answer.Bid(
          b.id(),
          b.payout(),
          b.currency(),
          b.destination(),
          Math.max(1, Duration.between(now, b.expiresAt()).toSeconds()),
          true,
          b.score());
    }
    UUID bidId = UUID.randomUUID();
    if (!settings.get().enabled()) {
      return noBid(ping, bidId, now, NoBidCode.DISABLED, "the campaign does not take bids now");
    }
    Optional<FlowStore.StoredVersion> live = flows.liveForCampaign(ping.campaignId());
    if (live.isEmpty()) {
      return noBid(ping, bidId, now, NoBidCode.DISABLED, "the campaign has no live flow");
    }
    FlowStore.StoredVersion version = live.get();
    Duration ttl = Duration.ofSeconds(settings.get().bidTtlSeconds());
    // a SIP address with a token when the publisher asks for one (Ringba's sipOk), or when no pool
    // number is free and it did not refuse SIP; a pool number otherwise
    boolean sip = !sipDomain.isEmpty() && Boolean.TRUE.equals(ping.sipOk());
    Optional<String> number =
        sip
            ? Optional.empty()
            : store.lend(ping.campaignId(), ping.publisherId(), bidId, now, now.plus(ttl));
    String sipToken = null;
    if (number.isEmpty() && !sipDomain.isEmpty() && !Boolean.FALSE.equals(ping.sipOk())) {
      number = store.countingNumber(ping.campaignId(), ping.publisherId());
      sipToken = number.isPresent() ? newToken() : null;
    }
    if (number.isEmpty()) {
      return noBid(
          ping, bidId, now, NoBidCode.NO_CAPACITY, "every RTB pool number is lent to an open bid");
    }
    String destination = sipToken == null ? number.get() : sipAddress(sipToken);
    CallFacts facts =
        new CallFacts(
            bidId.toString(),
            ping.campaignId(),
            ping.publisherId(),
            number.get(),
            new Caller(ping.callerNumber(), ping.state(), ping.zip(), null, null, "US").placed(),
            ping.tags(),
            Map.of(),
            now,
            store.history(ping.callerNumber(), now.minus(HISTORY)));
    // scored as the webhook scores a call: the flow, the targets' floors and the pings read it
    SupplyScoring.Scored scored = scoring.score(facts);
    facts = scored.facts();
    // the call's own first steps, as its webhook will run them: a bid can only be made for a route
    // node the call reaches without asking the caller anything (Ringba, too, refuses RTB on a
    // campaign with a call flow: error 1001)
    Step first = engine.start(version.compiled().versionKey(), facts);
    if (first.route() == null) {
      store.giveBack(bidId);
      return noBid(
          ping,
          bidId,
          now,
          NoBidCode.DISABLED,
          "the campaign's flow asks the caller before routing, so a call cannot be priced ahead");
    }
    RouteRequest request = first.route();
    CallState state = first.state();
    Router.Attempt attempt =
        router.route(bidId, state, request, version.compiled().directory(), ping.deadline());
    List<TraceEntry> trace = new ArrayList<>(attempt.trace());
    if (scored.trace() != null) {
      trace.add(0, scored.trace());
    }
    if (!attempt.dialling()) {
      store.giveBack(bidId);
      return noBid(ping, bidId, now, codeOf(trace), reasonOf(trace), trace, scored.score());
    }
    DialPlan plan = attempt.plan();
    DialPlan.Leg leg = plan.ringingLeg();
    BigDecimal payout = payout(leg.price(), settings.get());
    Instant expires = now.plus(ttl);
    if (leg.bidExpiresAt() != null && leg.bidExpiresAt().isBefore(expires)) {
      expires = leg.bidExpiresAt(); // our bid lasts no longer than the buyer's own
    }
    if (payout.compareTo(settings.get().minPayout()) < 0) {
      capacity.release(plan.reservation());
      store.giveBack(bidId);
      trace.add(
          TraceEntry.of(
              request.nodeId(),
              leg.targetId(),
              TraceKind.ROUTE,
              TraceOutcome.SKIPPED,
              "no bid: payout " + payout + " after margin is below the minimum"));
      return noBid(
          ping,
          bidId,
          now,
          NoBidCode.NO_CAPACITY,
          "the best buyer's price leaves no payout after margin",
          trace,
          scored.score());
    }
    // the winner's slots stay held until the bid expires; a joined call takes them over
    capacity.holdFor(plan.reservation(), bidId, expires);
    trace.add(
        new TraceEntry(
            request.nodeId(),
            leg.targetId(),
            TraceKind.ROUTE,
            TraceOutcome.OK,
            "bid "
                + payout
                + " "
                + leg.currency()
                + " to publisher "
                + ping.publisherId()
                + " on "
                + destination
                + " until "
                + expires
                + ": "
                + leg.name()
                + " pays "
                + leg.price(),
            payout,
            null,
            null,
            Map.of("bidId", bidId.toString())));
    store.insert(
        new SupplyBidStore.StoredBid(
            bidId,
            ping.publisherId(),
            ping.campaignId(),
            ping.callerNumber(),
            ping.shape(),
            SupplyBidStore.BidState.OPEN,
            null,
            destination,
            request.nodeId(),
            leg.targetId(),
            leg.buyerId(),
            leg.price(),
            payout,
            leg.currency(),
            plan.reservation(),
            plan,
            trace,
            now,
            expires,
            sipToken,
            number.get(),
            scored.score()));
    return new Answer.Bid(
        bidId,
        payout,
        leg.currency(),
        destination,
        Math.max(1, Duration.between(now, expires).toSeconds()),
        false,
        scored.score());
  }

  /** The buyer's price less the campaign's margin, in cents, rounded down. */
  static BigDecimal payout(BigDecimal price, SupplyBidStore.CampaignSettings s) {
    if (price == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    BigDecimal kept = price.multiply(s.marginPercent()).divide(BigDecimal.valueOf(100));
    BigDecimal payout = price.subtract(kept).subtract(s.marginFixed());
    return payout.max(BigDecimal.ZERO).setScale(2, RoundingMode.DOWN);
  }

  private String sipAddress(String token) {
    return SipAddresses.address(token, sipDomain);
  }

  /** 128 random bits as 32 hex digits: the bid's SIP address cannot be guessed from another's. */
  private String newToken() {
    byte[] bytes = new byte[16];
    tokens.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** Bid rate, win rate and fill rate per publisher over a period. */
  public List<SupplyBidStore.PublisherLine> report(Instant from, Instant to) {
    return store.report(from, to);
  }

  @Scheduled(fixedDelayString = "${ringtree.routing.sweep-interval:5s}")
  void expireOpenBids() {
    int expired = store.expire(clock.instant());
    if (expired > 0) {
      log.debug("{} supply bids expired without a call", expired);
    }
  }

  private Answer noBid(Ping ping, UUID bidId, Instant now, NoBidCode code, String reason) {
    return noBid(ping, bidId, now, code, reason, List.of(), null);
  }

  private Answer noBid(
      Ping ping,
      UUID bidId,
      Instant now,
      NoBidCode code,
      String reason,
      List<TraceEntry> trace,
      Integer score) {
    store.insert(
        new SupplyBidStore.StoredBid(
            bidId,
            ping.publisherId(),
            ping.campaignId(),
            ping.callerNumber(),
            ping.shape(),
            SupplyBidStore.BidState.NO_BID,
            code.name() + ": " + reason,
            null,
            null,
            null,
            null,
            null,
            null,
            "USD",
            null,
            null,
            trace,
            now,
            null,
            null,
            null,
            score));
    return new Answer.NoBid(bidId, code, reason);
  }

  /** The Ringba code closest to why the auction found nobody. */
  private static NoBidCode codeOf(List<TraceEntry> trace) {
    String all =
        String.join(" ", trace.stream().map(TraceEntry::reason).toList()).toLowerCase(Locale.ROOT);
    if (all.contains("duplicate")) {
      return NoBidCode.CALLER_ID;
    }
    if (all.contains("publisher")) {
      return NoBidCode.CLOSED_OR_CAPPED;
    }
    return NoBidCode.NO_CAPACITY;
  }

  /** The skips and the route's summary, as the publisher may read them. */
  private static String reasonOf(List<TraceEntry> trace) {
    List<String> why =
        trace.stream()
            .filter(
                t ->
                    t.outcome() == TraceOutcome.SKIPPED
                        || t.outcome() == TraceOutcome.EXHAUSTED
                        || t.kind() == TraceKind.ROUTE)
            .map(TraceEntry::reason)
            .distinct()
            .limit(5)
            .toList();
    return why.isEmpty() ? "no buyer can take the call now" : String.join("; ", why);
  }
}
