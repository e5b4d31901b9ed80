package org.ringtree.rules.engine.fact;

/**
 * A cap: {@code scope} "target" or "buyer", {@code period} concurrency/hourly/daily/monthly/total.
 */
public record CapFact(String scope, String ownerId, String period, long limit) {}
