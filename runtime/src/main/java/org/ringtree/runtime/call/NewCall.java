package org.ringtree.runtime.call;

import java.time.Instant;
import java.util.UUID;
import org.ringtree.rules.engine.CallState;

/** The values of a call at its first webhook. */
public record NewCall(
    UUID id,
    String callSid,
    String trackingNumber,
    String campaignId,
    String publisherId,
    Long flowVersionId,
    String callerNumber,
    String callerCity,
    String callerState,
    String callerZip,
    String callerCountry,
    CallPhase phase,
    CallState state,
    Instant startedAt,
    String currency) {}
