package org.ringtree.rules.call;

import java.time.Instant;
import org.ringtree.rules.money.Money;

/** An earlier call from the same caller: the input to duplicate and history rules. */
public record PriorCall(
    String callId,
    Instant at,
    String campaignId,
    String targetId,
    String buyerId,
    boolean connected,
    boolean converted,
    Money payout) {}
