package org.ringtree.runtime.supply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.call.CallInstruction;
import org.ringtree.runtime.routing.CapacityStore;
import org.ringtree.runtime.routing.DialPlan;
import org.ringtree.runtime.routing.TraceEntry;
import org.ringtree.runtime.routing.TraceKind;
import org.ringtree.runtime.routing.TraceOutcome;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Calls arriving on what a supply bid lent (docs/rtb.md, "Ringtree as a bid endpoint"): a call on
 * the bid's pool number or SIP address, from the pinged caller, before the bid expires, is joined
 * to it; the winner's hold then belongs to the call, and the publisher is paid as bid.
 */
@Service
public class SupplyBidJoins {

  private final SupplyBidStore store;
  private final CapacityStore capacity;
  private final Clock clock;
  private final Duration holdMargin;
  private final String sipDomain;

  SupplyBidJoins(
      SupplyBidStore store,
      CapacityStore capacity,
      Clock clock,
      @Value("${ringtree.routing.hold-margin:60s}") Duration holdMargin,
      @Value("${ringtree.supply.sip-domain:}") String sipDomain) {
    this.store = store;
    this.capacity = capacity;
    this.clock = clock;
    this.holdMargin = holdMargin;
    this.sipDomain = sipDomain == null ? "" : sipDomain.strip().toLowerCase(Locale.ROOT);
  }

  /** A call joined to the bid it was pinged for. */
  public record Joined(
      UUID bidId, DialPlan plan, boolean held, List<TraceEntry> trace, BigDecimal payout) {

    /** The dial of the leg chosen at the ping, with the call's own caller id. */
    public CallInstruction.Dial dial(String callerId) {
      DialPlan.Leg leg = plan.ringingLeg();
      return new CallInstruction.Dial(
          leg.targetId(), leg.destination(), plan.timeoutSeconds(), callerId, plan.record());
    }
  }

  /**
   * The first webhook of a call to {@code to} from {@code from}: joined to the open bid that lent
   * that number for that caller, if it has not expired and no call took it yet. The winner's hold
   * now belongs to the call (so its end gives the slots back).
   */
  public Optional<Joined> join(String to, String from, UUID callId) {
    Instant now = clock.instant();
    return store.join(to, from, callId, now).map(b -> joined(b, callId, now));
  }

  /**
   * A call to a supply bid's SIP address ({@code sip:bid-<token>@<ringtree.supply.sip-domain>}):
   * the token, the caller's number read from the SIP {@code From}, and the tracking number the call
   * is counted on. Empty when SIP destinations are off, the address is not one of ours, or no bid
   * ever had the token.
   */
  public record SipArrival(String token, String callerNumber, String trackingNumber) {}

  /**
   * Whether the first webhook's {@code To} (Twilio passes a SIP Domain call's INVITE URI there) is
   * one of our bids' SIP addresses; see {@link SipArrival}.
   */
  public Optional<SipArrival> sipArrival(String to, String from) {
    if (sipDomain.isEmpty()) {
      return Optional.empty();
    }
    return SipAddresses.sipToken(to, sipDomain)
        .flatMap(
            token ->
                store
                    .sipTrackingNumber(token)
                    .map(number -> new SipArrival(token, SipAddresses.sipCaller(from), number)));
  }

  /**
   * The first webhook of a call to a bid's SIP address: joined to that bid, as {@link #join} joins
   * a pool-number call, if it is open, unexpired and was made for this caller.
   */
  public Optional<Joined> joinSip(SipArrival sip, UUID callId) {
    Instant now = clock.instant();
    return store
        .joinSip(sip.token(), sip.callerNumber(), callId, now)
        .map(b -> joined(b, callId, now));
  }

  private Joined joined(SupplyBidStore.StoredBid b, UUID callId, Instant now) {
    boolean held =
        capacity.holdFor(
            b.reservationId(), callId, now.plusSeconds(b.plan().timeoutSeconds()).plus(holdMargin));
    List<TraceEntry> trace = new ArrayList<>(b.trace());
    trace.add(
        new TraceEntry(
            b.nodeId(),
            b.targetId(),
            TraceKind.ROUTE,
            TraceOutcome.OK,
            "joined to bid "
                + b.id()
                + " made to publisher "
                + b.publisherId()
                + " at "
                + b.createdAt()
                + (b.sipToken() == null ? "" : " (by its SIP address)")
                + ": the publisher is paid "
                + b.payout()
                + " "
                + b.currency()
                + " as bid when the billing table pays"
                + (held ? "" : "; the winner's hold had expired"),
            b.payout(),
            null,
            null,
            Map.of("bidId", b.id().toString())));
    return new Joined(b.id(), b.plan(), held, trace, b.payout());
  }

  /** The payout bid for a call joined to a bid, which replaces the billing table's amount. */
  public Optional<PaidAsBid> paidAsBid(UUID callId) {
    return store.paidBid(callId).map(p -> new PaidAsBid(p.bidId(), p.payout(), p.currency()));
  }

  /** See {@link #paidAsBid}. */
  public record PaidAsBid(UUID bidId, BigDecimal payout, String currency) {}
}
