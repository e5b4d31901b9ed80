package org.ringtree.runtime.call;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.ringtree.rules.call.AreaCodeStates;
import org.ringtree.rules.call.CallFacts;
import org.ringtree.rules.call.Caller;
import org.ringtree.rules.call.PriorCall;
import org.ringtree.rules.directory.TrackingNumber;
import org.ringtree.rules.engine.CallState;
import org.ringtree.rules.fraud.StirVerstat;

/**
 * The first webhook of a call, as the provider sent it; {@code stir} is Twilio's SHAKEN/STIR
 * verification ({@code StirVerstat}), {@link StirVerstat#ABSENT} when none came.
 */
public record IncomingCall(
    String callSid,
    String from,
    String to,
    String fromCity,
    String fromState,
    String fromZip,
    String fromCountry,
    StirVerstat stir,
    Map<String, String> request) {

  /** The carrier's FromState; Telnyx and SignalWire send none, so the area code gives it. */
  String callerState() {
    return fromState == null || fromState.isBlank()
        ? AreaCodeStates.state(from).orElse(null)
        : fromState;
  }

  /** What the flow's rules see of this call. */
  CallFacts facts(UUID callId, TrackingNumber number, Instant now, List<PriorCall> history) {
    return new CallFacts(
        callId.toString(),
        number.campaignId(),
        number.publisherId(),
        number.e164(),
        new Caller(from, callerState(), fromZip, fromCity, null, fromCountry).placed(),
        number.sourceTags(),
        Map.of(),
        now,
        history);
  }

  /** The call row to insert; {@code state} null for a call that gets no flow. */
  NewCall row(
      UUID callId,
      Optional<TrackingNumber> number,
      Long versionId,
      CallState state,
      CallPhase phase,
      Instant now) {
    return new NewCall(
        callId,
        callSid,
        to,
        number.map(TrackingNumber::campaignId).orElse(null),
        number.map(TrackingNumber::publisherId).orElse(null),
        versionId,
        from,
        fromCity,
        callerState(),
        fromZip,
        fromCountry,
        phase,
        state,
        now,
        "USD");
  }
}
