package org.ringtree.runtime.billing;

import java.util.UUID;
import org.ringtree.rules.money.Money;

/** A finished call was billed: what the buyer pays and the publisher earns (zero if nothing). */
public record CallSettled(
    UUID callId,
    String campaignId,
    String publisherId,
    String buyerId,
    Money revenue,
    Money payout) {}
