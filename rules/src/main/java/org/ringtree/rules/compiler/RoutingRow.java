package org.ringtree.rules.compiler;

import java.math.BigDecimal;

/**
 * A route node's routing policy as typed values; the compiler turns it into a DMN row whose lowest
 * acceptable offer is the largest of the floor, the publisher's payout plus {@code payoutPlus} and
 * the payout grossed up by {@code marginPercent} (each null when it does not apply).
 */
public record RoutingRow(
    String method,
    boolean oneAuction,
    BigDecimal floor,
    BigDecimal payoutPlus,
    BigDecimal marginPercent) {}
