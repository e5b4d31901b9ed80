package org.ringtree.runtime.billing;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Money settings ({@code ringtree.billing.*}): the network's timezone for report periods, and how
 * many days after a call its buyer may still dispute it.
 */
@ConfigurationProperties("ringtree.billing")
public record BillingProperties(
    @DefaultValue("UTC") ZoneId timezone, @DefaultValue("30") int disputeWindowDays) {}
