package org.ringtree.runtime.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code ringtree.limits.*}: each rate is also its burst (a full bucket holds one period's worth)
 * and is counted per client address on each node. The webhook rate is high because a provider sends
 * every call's webhooks from a handful of addresses (the load generator sends 300-600/s from one).
 * Flow documents (and the console, which uploads and saves them) may be up to {@code maxFlowBody}:
 * FlowJson accepts 2,000,000 characters, up to 4 bytes each in UTF-8.
 */
@ConfigurationProperties("ringtree.limits")
public record LimitSettings(
    @DefaultValue("100") long signInFailures,
    @DefaultValue("15m") Duration signInWindow,
    @DefaultValue("200") long apiPerSecond,
    @DefaultValue("100") long apiPerSecondPerUser,
    @DefaultValue("50") long conversionsPerSecond,
    @DefaultValue("2000") long webhooksPerSecond,
    @DefaultValue("1MB") DataSize maxBody,
    @DefaultValue("8MB") DataSize maxFlowBody,
    @DefaultValue("100000") int maxTrackedKeys) {}
